"""Numbers and targets in words."""

from __future__ import annotations

import pytest

from pipeline.models import Entry
from pipeline.report import describe, format_number, signed


def make(**fields: object) -> Entry:
    base: dict[str, object] = {"role": "target", "indicator": "x", "period": "2020",
                               "unit": "percent", "source": "s", "quote": "q", "note": "n"}
    return Entry(**(base | fields))


@pytest.mark.parametrize(("fields", "text"), [
    ({"value": 6, "qualifier": "about"}, "about 6%"),
    ({"value": -3.4, "qualifier": "at_most"}, "≤ -3.4%"),
    ({"value": 50, "qualifier": "at_most", "role": "outcome", "short_of": "接近50%"}, "< 50%"),
    ({"qualifier": "range", "low": 5.5, "high": 6}, "5.5–6%"),
    ({"value": 600000, "qualifier": "at_least", "unit": "count"}, "≥ 600,000"),
    ({"value": 126000, "unit": "count", "role": "outcome", "estimate": True},
     "126,000 (est.)"),
    ({"unit": "milestone"}, "milestone"),
    ({"unit": "milestone", "role": "outcome", "achieved": True}, "achieved"),
    ({"unit": "milestone", "role": "outcome", "achieved": False}, "not achieved"),
])
def test_describe(fields: dict[str, object], text: str) -> None:
    assert describe(make(**fields)) == text


def test_format_number() -> None:
    assert format_number(2360000000000) == "2,360,000,000,000"
    assert format_number(5.65) == "5.65"
    assert format_number(0.1 + 0.2) == "0.3"


def test_signed_gaps() -> None:
    assert signed(2_520_000) == "+2,520,000"
    assert signed(-0.1 + 1e-12) == "-0.1"
    assert signed(0.0) == "0"


def test_describe_in_chinese() -> None:
    assert describe(make(value=6, qualifier="about"), "zh") == "约6%"
    assert describe(make(value=3e8, unit="households", role="outcome", estimate=True), "zh") \
        == "300,000,000 户(预计)"
    assert describe(make(unit="milestone", role="outcome", achieved=True), "zh") == "已实现"
