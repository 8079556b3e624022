"""Normalising quotes and archived text the same way."""

from __future__ import annotations

import pytest

from pipeline.normalize import normalise, strip_pinyin_glosses, to_simplified


def test_pinyin_glosses_are_removed_only_after_chinese_characters() -> None:
    assert strip_pinyin_glosses("業(yè)務(wù)發(fā)展") == "業務發展"
    assert strip_pinyin_glosses("電信業務總量(上年不變價)") == "電信業務總量(上年不變價)"
    assert strip_pinyin_glosses("5G (test)") == "5G (test)"


def test_traditional_becomes_simplified() -> None:
    assert to_simplified("網絡強國建設與數據") == "网络强国建设与数据"


@pytest.mark.parametrize(("printed", "quoted"), [
    ("截至11月末,累(lěi)計(jì)建成5G基(jī)站(zhàn)328.2萬(wàn)個(gè)",
     "截至11月末，累计建成5G基站328.2万个"),
    ("“携号转网”去年11月底在全国正式推开", '"携号转网" 去年11月底在全国正式推开'),
    ("增长５．５％—６％", "增长5.5%-6%"),
    ("（上年不变价）", "(上年不变价)"),
])
def test_printed_and_quoted_forms_compare_equal(printed: str, quoted: str) -> None:
    assert normalise(printed) == normalise(quoted)


def test_different_figures_stay_different() -> None:
    assert normalise("5G基站12.6万个") != normalise("5G基站13万个")
