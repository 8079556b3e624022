"""Numbers for people, in both languages."""

from __future__ import annotations

import pytest

from pipeline.people import readable


@pytest.mark.parametrize(("value", "zh", "en"), [
    (3.7e12, "3.7万亿", "3.7 trillion"), (1.2e9, "12亿", "1.2 billion"),
    (126_000, "12.6万", "126,000"), (2_312_000, "231.2万", "2.312 million"),
    (1_125_000_000, "11.25亿", "1.125 billion"),
    (5.2, "5.2", "5.2"), (1_800, "1,800", "1,800"), (-30, "-30", "-30")])
def test_readable(value: float, zh: str, en: str) -> None:
    assert (readable(value, "zh"), readable(value, "en")) == (zh, en)
