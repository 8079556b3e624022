"""Cleaning a pasted report."""

from __future__ import annotations

from pipeline.report_text import clean_text, is_boilerplate, paragraphs, unspin


def test_clean_text_simplifies_and_drops_glosses() -> None:
    assert clean_text("業(yè)務(wù)總量增長(zhǎng)１８％") == "业务总量增长18%"


def test_unspin_restores_standard_wording_for_matching() -> None:
    assert unspin("全国规划以上工业添加值添加5.6%左右") == "全国规模以上工业增加值增长5.6%左右"
    assert unspin("力求2020年末完成全国一切地级市掩盖5G网络").startswith("力争")
    assert unspin("着力安稳制作业出资") == "着力安稳制造业投资"


def test_unspin_reads_taiwan_words_as_mainland_ones() -> None:
    assert unspin("固定宽频和行动电话网路") == "固定宽带和移动电话网络"


def test_boilerplate_is_recognised() -> None:
    assert is_boilerplate("首页|必读|视频|专访|运营|制造")
    assert is_boilerplate("版权所有 © 2024 本网")
    assert is_boilerplate("您当前的位置:中国时代科技网资讯正文")
    assert not is_boilerplate("全国注册5G基站12.6万个。")


def test_paragraphs_keep_their_line_numbers() -> None:
    kept = paragraphs("首页|必读|视频|专访\n\n第一段。\n  \n第二段。\n")
    assert [(p.line, p.text) for p in kept] == [(3, "第一段。"), (5, "第二段。")]
