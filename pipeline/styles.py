"""A styled table worked out once, then shown again and again without recomputing it.

Streamlit renders a pandas ``Styler`` by calling its ``_compute`` and ``_translate`` on every
rerun, for every session; for the status grid (a few thousand cells) that is most of a
rerun. :func:`frozen_style` computes the styles once and makes those two calls return the
result, so one Styler can be shared read-only by every session.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
from pandas.io.formats.style import Styler


def frozen_style(frame: pd.DataFrame, css: Callable[[object], str]) -> Styler:
    """``frame.style.map(css)``, computed now; rendering it later repeats none of the work."""
    styler = frame.style.map(css)
    styler._compute()
    translated = styler._translate(False, False)
    if _display_is_data(frame, translated):  # nothing to substitute when the text is the data
        translated = {**translated, "body": []}
    styler._compute = lambda: styler  # type: ignore[method-assign]
    styler._translate = lambda *args, **kwargs: translated  # type: ignore[method-assign]
    return styler


def _display_is_data(frame: pd.DataFrame, translated: dict[str, object]) -> bool:
    """True when every cell would be shown as the text it already holds."""
    text = frame.astype(str)
    for row in translated.get("body", []):  # type: ignore[attr-defined]
        for cell in row:
            if cell.get("type") != "td" or "id" not in cell:
                continue
            row_number, column = (int(part) for part in
                                  cell["id"].removeprefix("row").split("_col"))
            if str(cell.get("display_value")) != text.iat[row_number, column]:
                return False
    return True
