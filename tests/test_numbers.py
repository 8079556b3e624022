"""Figures printed in Chinese text, in base units."""

from __future__ import annotations

import pytest

from pipeline.numbers import figures


@pytest.mark.parametrize(("text", "expected"), [
    ("全国注册5G基站12.6万个", [5, 126000]),
    ("减税降费2.36万亿元", [2.36e12]),
    ("千兆光网覆盖3亿户家庭", [3e8]),
    ("城镇新增就业年均1270多万人", [12_700_000]),
    ("增长5.5%-6%", [5.5, 6]),
    ("软件业务收入137,276亿元", [13_727_600_000_000]),
    ("全面完成13万个行政村光纤宽带建设", [130000]),
    ("千兆宽带", []),
])
def test_figures(text: str, expected: list[float]) -> None:
    assert figures(text) == pytest.approx(expected)
