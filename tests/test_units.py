"""Units and the base-unit hint for numbers written with Chinese multipliers."""

from __future__ import annotations

import pytest

from pipeline.units import UNITS, base_units_hint


@pytest.mark.parametrize(("text", "hint"), [
    ("12.6万", "write it in base units: 126000"),
    ("12.6万个", "write it in base units: 126000"),
    ("2.36万亿元", "write it in base units: 2360000000000"),
    ("3亿", "write it in base units: 300000000"),
    ("6", "write the number without quotes or units: 6"),
    ("abc", ""),
    ("万", ""),
])
def test_base_units_hint(text: str, hint: str) -> None:
    assert base_units_hint(text) == hint


def test_only_percent_is_signed() -> None:
    assert [name for name, unit in UNITS.items() if unit.signed] == ["percent"]
