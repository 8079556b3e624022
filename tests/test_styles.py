"""A Styler computed once and shared: the same styles, shown as the same text."""

from __future__ import annotations

import pandas as pd

from pipeline.styles import frozen_style


def colour(cell: object) -> str:
    return "background-color: red" if str(cell).startswith("✗") else ""


def test_frozen_styles_equal_fresh_ones_and_are_not_recomputed() -> None:
    frame = pd.DataFrame({"2019": ["✗ missed", "✓ met"], "2020": ["", "✗ missed"]},
                         index=["a", "b"])
    fresh = frame.style.map(colour)
    fresh._compute()
    frozen = frozen_style(frame, colour)
    assert frozen._translate(False, False)["cellstyle"] == \
        fresh._translate(False, False)["cellstyle"]
    assert frozen._translate(False, False)["body"] == []  # the text is the data
    assert frozen._compute() is frozen
    assert frozen.data is frame


def test_numbers_keep_their_display_values() -> None:
    frame = pd.DataFrame({"x": [1.5, 2.25]})
    assert frozen_style(frame, colour)._translate(False, False)["body"] != []
