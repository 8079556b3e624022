"""Matching report text to registry indicators."""

from __future__ import annotations

from pipeline.indicator_match import IndicatorMatcher
from pipeline.models import Indicator

MATCHER = IndicatorMatcher([
    Indicator(id="va", zh="规模以上工业增加值增长", en="VA", unit="percent",
              category="industry", better="higher", measure="rate"),
    Indicator(id="new", zh="新建5G基站", en="New", unit="count", category="telecom",
              better="higher", measure="flow"),
    Indicator(id="total", zh="5G基站总数", en="Total", unit="count", category="telecom",
              better="higher", measure="stock", aliases=["累计建成5G基站"]),
])


def test_longest_name_wins_and_unit_must_fit() -> None:
    assert MATCHER.match("全国规模以上工业增加值增长6%左右", "percent") == "va"
    assert MATCHER.match("累计建成5G基站328.2万个", "count") == "total"
    assert MATCHER.match("新建5G基站60万个", "count") == "new"
    assert MATCHER.match("全国规模以上工业增加值增长6%左右", "count") == ""


def test_spun_wording_matches() -> None:
    assert MATCHER.match("全国规划以上工业添加值添加5.6%左右", "percent") == "va"


def test_suggestions_rank_by_shared_pieces() -> None:
    assert MATCHER.suggest("5G基站总数量")[:2] == ["total", "new"]
    assert MATCHER.suggest("完全无关") == []


def test_the_sole_indicator_of_a_unit() -> None:
    assert MATCHER.sole("percent") == "va"
    assert MATCHER.sole("count") == ""  # two counted indicators
    assert MATCHER.sole("per_100_people") == ""  # none


def test_sharing_a_word_piece_with_a_name() -> None:
    assert MATCHER.shares_words("total", "|累计建成|")  # an alias counts
    assert not MATCHER.shares_words("total", "高新技术企业")
