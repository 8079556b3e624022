"""Ranking indicators for a phrase, with reasons: one engine for extract and validate."""

from __future__ import annotations

from pipeline.indicator_rank import IndicatorRanker, suggestion_text, unit_fits
from pipeline.models import Indicator


def _indicator(id_: str, zh: str, unit: str, measure: str, *aliases: str) -> Indicator:
    return Indicator(id=id_, zh=zh, en=id_, unit=unit, category="industry", better="higher",
                     measure=measure, aliases=list(aliases))


RANKER = IndicatorRanker([
    _indicator("gdp_energy", "单位国内生产总值能耗变化", "percent", "rate",
               "单位国内生产总值能耗降低", "能耗降低"),
    _indicator("industry_energy", "单位工业增加值能耗变化", "percent", "rate",
               "规模以上工业单位增加值能耗下降", "能耗降低"),
    _indicator("stations_total", "5G基站总数", "count", "stock", "5G基站"),
    _indicator("stations_new", "新建5G基站", "count", "flow", "5G基站"),
    _indicator("users", "千兆宽带用户", "users", "stock"),
])


def test_the_scope_word_puts_the_industry_indicator_first_and_says_why() -> None:
    ranked = RANKER.rank("能耗降低4%(规模以上工业)", "percent")
    assert [s.id for s in ranked] == ["industry_energy", "gdp_energy"]
    assert ranked[0].reason == "name 能耗降低 + scope 规模以上工业 + unit percent"
    assert ranked[1].reason == "name 能耗降低 + other scope 国内生产总值 + unit percent"


def test_a_gdp_phrase_keeps_the_gdp_indicator_first() -> None:
    assert RANKER.best("单位国内生产总值能耗降低3%左右", "percent").id == "gdp_energy"


def test_flow_words_pick_the_new_count_and_level_words_the_total() -> None:
    new = RANKER.best("新建5G基站60万个以上", "count")
    total = RANKER.best("5G基站总数达到483万个", "count")
    assert (new.id, total.id) == ("stations_new", "stations_total")
    assert "flow 新建" in new.reason and "stock 总数" in total.reason
    assert RANKER.best("今年5G基站要新建60万个", "count").id == "stations_new"


def test_the_unit_must_fit() -> None:
    assert RANKER.best("千兆宽带用户突破2亿户", "count").id == "users"
    assert RANKER.best("千兆宽带用户增长20%", "percent") is None
    assert unit_fits("vehicles", "count") and not unit_fits("percent", "count")


def test_nothing_close_is_nothing() -> None:
    assert RANKER.rank("完全无关的话", "percent") == []


def test_suggestions_read_as_a_hint() -> None:
    text = suggestion_text(RANKER.rank("新建5G基站60万个", "count", limit=1))
    assert text == "stations_new (name 新建5G基站 + flow 新建 + unit count)"


def test_the_registry_ranks_the_industry_energy_indicator_first_for_the_issue_phrase() -> None:
    from conftest import PROJECT_ROOT

    from pipeline.dataset import load_project
    ranker = IndicatorRanker(load_project(PROJECT_ROOT).indicators.values())
    ranked = ranker.rank("能耗降低4%(规模以上工业)", "percent")
    assert ranked[0].id == "industrial_energy_intensity_change"
    assert ranked[0].reason.endswith("+ scope 规模以上工业 + unit percent")
    assert all("other scope 国内生产总值" in s.reason for s in ranked[1:])


def test_sharing_only_a_change_word_is_no_suggestion() -> None:
    assert RANKER.rank("增长5.5%-6%", "percent") == []


def test_names_match_whatever_the_quotes_spaces_and_letter_case() -> None:
    ranker = IndicatorRanker([
        _indicator("apps", "年度通报违规App数量", "count", "flow", "通报违规App"),
        _indicator("projects", "“5G+工业互联网”项目数", "count", "stock",
                   "“5G+工业互联网”项目")])
    assert ranker.best("通报了1549款违规APP", "count").id == "apps"
    assert ranker.best("‘5G+工业互联网’项目超过1100个", "count").id == "projects"
    assert ranker.best("“5G + 工业互联网”项目数超 4000 个", "count").id == "projects"


def test_a_figures_digits_do_not_spell_a_name() -> None:
    ranker = IndicatorRanker([_indicator("fiveg", "5G基站总数", "count", "stock", "5G基站"),
                              _indicator("fourg", "4G基站总数", "count", "stock",
                                         "4G基站总规模")])
    assert ranker.best("4G基站的总规模达到了548.8万个", "count").id == "fourg"


def test_with_its_own_words_stock_or_flow_is_read_from_the_figure_not_the_subject() -> None:
    # 5G基站总数231万个。今年新建65万个: the subject is said before, the new ones now
    said = "5G基站总数231万个,今年新建65万个"
    assert RANKER.best(said, "count").id == "stations_total"
    assert RANKER.best(said, "count", own="今年新建65万个").id == "stations_new"
    assert RANKER.best("目前已达到231万个,5G基站", "count").id == "stations_total"


def test_a_name_the_figures_own_words_share_nothing_with_ranks_lower() -> None:
    ranker = IndicatorRanker([
        _indicator("spending_growth", "全社会研发投入增长", "percent", "rate", "全社会研发投入"),
        _indicator("intensity", "研发投入强度", "percent", "rate"),
    ])
    said = "全社会研发投入超过3.92万亿元,强度达到2.8%"
    assert ranker.best(said, "percent").id == "spending_growth"
    assert ranker.best(said, "percent", own="强度达到2.8%").id == "intensity"


def test_at_equal_scores_the_name_nearer_the_phrase_ranks_first() -> None:
    # a whole name (城镇调查失业率) and a longer one whose characters are all there score alike
    ranker = IndicatorRanker([
        _indicator("rate", "城镇调查失业率", "percent", "rate"),
        _indicator("span_average", "城镇调查失业率(规划期部分年份均值)", "percent", "rate",
                   "城镇调查失业率均值"),
    ])
    ranked = ranker.rank("城镇调查失业率前四年均值稳定在5.3%", "percent")
    assert ranked[0].score == ranked[1].score
    assert [s.id for s in ranked] == ["span_average", "rate"]
    # with the figure's own words, the name that shares them comes first, however long
    ranker = IndicatorRanker([
        _indicator("growth", "全社会研发投入增长", "percent", "rate", "全社会研发投入"),
        _indicator("intensity", "研发投入强度", "percent", "rate"),
    ])
    said = "2025年,全社会研发投入超过3.92万亿元强度达到2.8%"
    assert ranker.best(said, "percent", own="强度达到2.8%").id == "intensity"


def test_spun_and_regional_words_match_the_standard_names() -> None:
    ranker = IndicatorRanker([
        _indicator("mfg_investment", "制造业投资增长", "percent", "rate", "制造业投资同比增长"),
        _indicator("industry_va", "规模以上工业增加值增长", "percent", "rate"),
        _indicator("tariffs", "固定宽带和手机流量平均资费累计变化", "percent", "rate",
                   "固定宽带和手机流量平均资费下降"),
    ])
    assert ranker.best("2024年制作业出资同比增长9.2%", "percent").id == "mfg_investment"
    assert ranker.best("固定宽频和手机流量的平均资费下降超过95%", "percent").id == "tariffs"


def test_a_name_shares_words_by_its_pieces_not_by_single_characters() -> None:
    assert RANKER.shares_words("users", "千兆用户")  # 千兆 is a piece of 千兆宽带用户
    assert not RANKER.shares_words("users", "宽度")  # 宽 alone is no piece


def test_the_registry_names_equipment_manufacturing_growth_the_way_reports_list_it() -> None:
    from conftest import PROJECT_ROOT

    from pipeline.dataset import load_project
    ranker = IndicatorRanker(load_project(PROJECT_ROOT).indicators.values())
    best = ranker.best("装备制造业同比增长13.7%", "percent")
    assert best is not None and best.id == "equipment_mfg_va_growth"
