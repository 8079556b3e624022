"""Figures printed in Chinese text, in base units."""

from __future__ import annotations

import pytest

from pipeline.numbers import chinese_numeral, figures, find_figures


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


@pytest.mark.parametrize(("text", "value"), [
    ("十三", 13), ("三千", 3000), ("两千五百", 2500), ("十三万", 130000),
    ("一亿二千万", 120_000_000), ("万", 10000), ("一万二千", 12000), ("abc", None)])
def test_chinese_numerals(text: str, value: int | None) -> None:
    assert chinese_numeral(text) == value


@pytest.mark.parametrize(("text", "expected"), [
    ("全国规模以上工业增加值增长约6.5%", [(6.5, "percent")]),
    ("全国注册5G基站12.6万个", [(126000, "count")]),
    ("减税降费2.36万亿元", [(2.36e12, "yuan")]),
    ("利用外资412亿美元", [(4.12e10, "usd")]),
    ("压减粗钢产量3000万吨", [(3e7, "tonnes")]),
    ("十三万个行政村", [(130000, "count")]),
    ("比上年提高0.5个百分点", [(0.5, "percent")]),
    ("全国50M以上宽带用户比例超过60%", [(60, "percent")]),
    ("12月25日开幕", []), ("到2035年", []), ("中国制造2025", []), ("“323”行动", []),
    ("4K/8K和5G+", []), ("十九大和十三五规划", []), ("坚持“四个意识”", []), ("IPv6", []),
])
def test_find_figures_keeps_figures_and_skips_names(text: str,
                                                    expected: list[tuple[float, str]]) -> None:
    assert [(f.value, f.unit) for f in find_figures(text)] == [
        (pytest.approx(v), u) for v, u in expected]


def test_bare_magnitudes_runs_of_years_and_more_after_the_multiplier() -> None:
    from pipeline.numbers import find_figures
    texts = ("人工智能核心产业超过万亿元", "制造业总体规模连续14年全球第一",
             "累计培育专精特新企业4万多家", "网民规模达10.67亿")
    read = [(f.value, f.unit) for t in texts for f in find_figures(t)]
    assert read == [(1e12, "yuan"), (14, "count"), (40000, "count"), (1_067_000_000, "count")]


def test_data_per_user_is_its_own_unit() -> None:
    from pipeline.numbers import find_figures
    assert [(f.value, f.unit) for f in find_figures("移动流量消费达2.69GB/户/月")] == [
        (2.69, "gb_per_user_month")]


def test_doubling_is_a_rise_of_one_hundred_percent() -> None:
    from pipeline.numbers import find_figures
    assert [(f.value, f.unit) for f in find_figures("千兆宽带用户较去年同期翻番")] == [
        (100.0, "percent")]
    assert [f.value for f in find_figures("经济总量翻两番")] == [300.0]
