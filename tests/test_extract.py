"""Drafting candidate records from report text."""

from __future__ import annotations

import pytest
from conftest import SOURCES_PACK

from pipeline.extract import Candidate, extract
from pipeline.models import Indicator

INDICATORS = [
    Indicator(id="va", zh="规模以上工业增加值增长", en="VA", unit="percent", category="industry",
              better="higher", measure="rate"),
    Indicator(id="energy", zh="单位工业增加值能耗变化", en="Energy", unit="percent",
              category="environment", better="lower", measure="rate",
              aliases=["单位工业增加值能耗下降"]),
    Indicator(id="telecom", zh="电信业务总量增长", en="Telecom", unit="percent",
              category="telecom", better="higher", measure="rate"),
    Indicator(id="internet", zh="互联网行业收入增长", en="Internet", unit="percent",
              category="telecom", better="higher", measure="rate"),
    Indicator(id="stations", zh="5G基站总数", en="5G", unit="count", category="telecom",
              better="higher", measure="stock", aliases=["累计建成5G基站"]),
]


def one(text: str, year: int = 2019) -> Candidate:
    found = extract(text, year, INDICATORS)
    assert len(found) == 1, found
    return found[0]


def test_an_estimate_of_the_year() -> None:
    c = one("预计2019年，全国规模以上工业增加值增长5.6%左右。")
    assert (c.role, c.period, c.value, c.qualifier, c.unit, c.estimate, c.indicator) == (
        "outcome", "2019", 5.6, "about", "percent", True, "va")
    assert c.quote == "全国规模以上工业增加值增长5.6%左右"


def test_a_goal_with_a_floor_and_chinese_multipliers() -> None:
    c = one("力争2020年新建5G基站超过60万个。")
    assert (c.role, c.period, c.value, c.qualifier, c.unit) == (
        "target", "2020", 600000, "at_least", "count")


def test_a_fall_is_negative_and_a_floor_on_a_cut_is_a_ceiling() -> None:
    c = one("预期2020年，单位工业增加值能耗下降3.4%以上。")
    assert (c.value, c.qualifier, c.indicator) == (-3.4, "at_most", "energy")


def test_ranges() -> None:
    c = one("目标：2019年规模以上工业增加值增长5.5%-6%。")
    assert (c.value, c.low, c.high, c.qualifier) == (None, 5.5, 6, "range")


def test_respectively_pairs_subjects_with_figures() -> None:
    found = extract("预期2018年，电信业务总量、互联网行业收入分别增长50%和30%左右。", 2017,
                    INDICATORS)
    assert [(c.indicator, c.value, c.qualifier) for c in found] == [
        ("telecom", 50, "about"), ("internet", 30, "about")]


def test_point_in_time_periods_and_year_context() -> None:
    c = one("截至11月末，累计建成5G基站328.2万个。", 2023)
    assert (c.role, c.period, c.value, c.indicator) == ("outcome", "2023-11", 3282000, "stations")
    c = one("1-10月，电信业务总量同比增长20%。", 2021)
    assert c.period == "2021-01/10"


def test_traditional_glosses_and_boilerplate_are_handled() -> None:
    raw = ("首頁(yè)|必讀|視頻|專(zhuān)訪|運(yùn)營\n"
           "預(yù)計(jì)全年，電(diàn)信業(yè)務(wù)總量增長(zhǎng)18%。\n"
           "版權(quán)所有 © 2024 本網(wǎng)\n")
    c = one(raw)
    assert (c.role, c.value, c.indicator, c.line) == ("outcome", 18, "telecom", 2)
    assert c.quote == "电信业务总量增长18%"


def test_spun_wording_still_matches() -> None:
    c = one("估计全年，全国规划以上工业添加值添加5.6%左右。")
    assert (c.role, c.estimate, c.indicator) == ("outcome", True, "va")
    assert c.quote == "全国规划以上工业添加值添加5.6%左右"  # the quote stays as printed


def test_names_dates_and_slogans_are_not_figures() -> None:
    assert extract("12月23日，会议贯彻“四个意识”，推进“5G+工业互联网”512工程和IPv6，"
                   "落实中国制造2025和十九大精神。", 2019, INDICATORS) == []


def test_unmatched_figures_get_suggestions() -> None:
    c = one("预计全年，工业增加值增长4%。")
    assert c.indicator == ""
    assert c.suggestions[0] == "va"


@pytest.mark.skipif(not SOURCES_PACK.is_dir(), reason="source pack not present")
def test_the_2017_conference_seed_yields_its_figures() -> None:
    raw = (SOURCES_PACK / "seeds" / "003_771a7e8552942085.txt").read_text(encoding="utf-8")
    found = {(c.role, c.period, c.value) for c in extract(raw, 2017, INDICATORS)}
    assert {("outcome", "2017", 6.5), ("outcome", "2017", -4.0), ("target", "2018", 6.0),
            ("target", "2018", -4.5), ("target", "2018", 130000.0),
            ("target", "2018", 100.0)} <= found


# --- context, values as printed, units from the indicator ---------------------------------

MORE = [*INDICATORS,
        Indicator(id="centres", zh="新增国家制造业创新中心", en="Centres", unit="count",
                  category="innovation", better="higher", measure="flow",
                  aliases=["国家制造业创新中心"]),
        Indicator(id="gdp_energy", zh="单位国内生产总值能耗变化", en="GDP energy", unit="percent",
                  category="environment", better="lower", measure="rate",
                  aliases=["单位国内生产总值能耗降低"]),
        Indicator(id="gdp_co2", zh="单位国内生产总值二氧化碳排放变化", en="CO2", unit="percent",
                  category="environment", better="lower", measure="rate",
                  aliases=["单位国内生产总值二氧化碳排放降低"]),
        Indicator(id="nev_exports", zh="新能源汽车出口", en="NEV exports", unit="vehicles",
                  category="industry", better="higher", measure="flow"),
        Indicator(id="ai_scale", zh="人工智能核心产业规模", en="AI", unit="yuan",
                  category="industry", better="higher", measure="stock",
                  aliases=["人工智能核心产业"]),
        Indicator(id="mfg_first", zh="制造业总体规模连续全球第一年数", en="Years first",
                  unit="count", category="industry", better="higher", measure="stock",
                  aliases=["制造业总体规模连续"])]


def test_a_heading_of_next_years_work_does_not_date_this_years_results() -> None:
    raw = ("全国工业和信息化工作会议在京召开\n2025-12-26\n"
           "会议总结了2025年工作,部署2026年重点工作。\n"
           "新能源汽车出口突破200万辆。\n"
           "力争全年新增3家国家制造业创新中心。\n")
    found = extract(raw, 2025, MORE)
    assert [(c.role, c.period, c.indicator) for c in found] == [
        ("outcome", "2025", "nev_exports"), ("target", "2026", "centres")]


def test_a_march_report_states_last_years_results_and_this_years_goals() -> None:
    raw = ("政府工作报告\n2026-03-05\n去年新能源汽车出口突破200万辆。\n"
           "今年预期目标为新增3家国家制造业创新中心。\n")
    found = extract(raw, 2026, MORE)
    assert [(c.role, c.period) for c in found][-2:] == [("outcome", "2025"), ("target", "2026")]


def test_a_count_range_stays_a_range() -> None:
    c = extract("遴选2-3家国家制造业创新中心。", 2025, MORE)[0]
    assert (c.value, c.low, c.high, c.qualifier, c.indicator) == (None, 2, 3, "range", "centres")


def test_one_cut_for_two_quantities_is_two_drafts() -> None:
    found = extract("单位国内生产总值能耗和二氧化碳排放各降低4%。", 2025, MORE)
    assert [(c.indicator, c.value) for c in found] == [("gdp_energy", -4), ("gdp_co2", -4)]


def test_a_bare_magnitude_with_a_bound_keeps_its_qualifier() -> None:
    c = extract("人工智能核心产业超过万亿元。", 2025, MORE)[0]
    assert (c.value, c.qualifier, c.unit, c.indicator) == (1e12, "at_least", "yuan", "ai_scale")


def test_years_running_is_a_figure() -> None:
    c = extract("制造业总体规模连续14年全球第一。", 2023, MORE)[0]
    assert (c.value, c.unit, c.indicator) == (14, "count", "mfg_first")


def test_a_goal_stated_as_mubiao_wei_is_a_target() -> None:
    c = extract("2025-03-05\n今年发展主要预期目标是:国内生产总值增长5%左右。\n", 2025,
                [Indicator(id="gdp", zh="国内生产总值增长", en="GDP", unit="percent",
                           category="macro", better="higher", measure="rate")])[0]
    assert (c.role, c.period, c.value, c.qualifier) == ("target", "2025", 5, "about")
    c = extract("新能源汽车出口目标为200万辆。", 2025, MORE)[0]
    assert c.role == "target"


def test_the_unit_comes_from_the_indicator() -> None:
    c = extract("新能源汽车出口突破200万辆。", 2025, MORE)[0]
    assert (c.value, c.qualifier, c.unit) == (2_000_000, "at_least", "vehicles")


def test_a_density_is_not_a_count() -> None:
    c = extract("每万人拥有5G基站数达到26个。", 2025, MORE)[0]
    assert (c.value, c.unit) == (26, "per_10k_people")


def test_a_clause_without_a_subject_takes_the_sentences() -> None:
    found = extract("2024年,电信业务总量827亿元,比上年增长6.9%。", 2025, INDICATORS)
    assert [(c.value, c.indicator) for c in found][-1] == (6.9, "telecom")


def test_a_goal_framed_as_about_is_a_target_and_a_level_is_read_at_its_point() -> None:
    raw = "政府工作报告\n2025-03-05\n居民消费价格涨幅2%左右。\n"
    c = extract(raw, 2025, [Indicator(id="cpi", zh="居民消费价格涨幅", en="CPI", unit="percent",
                                      category="macro", better="lower", measure="rate")])[0]
    assert (c.role, c.period, c.qualifier) == ("target", "2025", "about")
    c = extract("前三季度工业通信业发展情况\n2023-10-20\n5G基站总数达318.9万个。\n", 2023,
                INDICATORS)[0]
    assert (c.role, c.period, c.indicator) == ("outcome", "2023-09", "stations")


def test_plan_periods_are_spans() -> None:
    c = extract("“十四五”时期,电信业务总量年均增长10%。", 2026, INDICATORS)[0]
    assert c.period == "2021-2025"


def test_a_range_takes_the_high_ends_multiplier() -> None:
    c = extract("力争新建5G基站2-3万个。", 2025, INDICATORS)[0]
    assert (c.low, c.high, c.qualifier) == (20000, 30000, "range")


def test_extract_suggests_from_the_quote_as_validate_does() -> None:
    from pipeline.indicator_rank import IndicatorRanker
    c = extract("新建5G基站60万个,能耗降低4%(规模以上工业)。", 2025, INDICATORS)[1]
    ranked = IndicatorRanker(INDICATORS).rank(c.quote, c.unit)
    assert c.indicator == "" and c.suggestions == [s.id for s in ranked]
    assert c.reasons == [s.reason for s in ranked]


def test_a_goal_referred_to_in_a_review_is_last_years_and_the_titles_months_date_results() -> None:
    raw = ("国务院公布量化指标任务落实情况\n2021-03-03\n"
           "城镇新增就业1186万人,超过900万人以上的目标。\n")
    found = extract(raw, 2021, INDICATORS)
    assert [(c.role, c.period) for c in found] == [("outcome", "2020"), ("target", "2020")]
    raw = "前两个月国民经济运行实现良好开局\n2026-03-21\n电信业务总量同比增长6.3%。\n"
    assert extract(raw, 2026, INDICATORS)[0].period == "2026-01/02"


def test_this_year_before_november_is_a_plan() -> None:
    c = extract("2022-03-01\n今年5G基站要新建60万个以上。\n", 2022, INDICATORS)[0]
    assert (c.role, c.period, c.qualifier) == ("target", "2022", "at_least")


def test_already_is_read_at_the_months_the_title_names() -> None:
    raw = "前三季度工业和信息化发展情况\n2023-10-20\n5G基站总数已达318.9万个。\n"
    assert extract(raw, 2023, INDICATORS)[0].period == "2023-09"
    raw = "5G发展情况\n2023-10-20\n5G基站总数已达318.9万个。\n"
    assert extract(raw, 2023, INDICATORS)[0].period == "2023-10"


IPV6 = [Indicator(id="ipv6", zh="IPv6活跃用户数", en="IPv6 users", unit="users",
                  category="telecom", better="higher", measure="stock")]


def test_a_title_announcing_goals_keeps_reaching_figures_goals() -> None:
    raw = ("三部门印发《2025年深入推进IPv6规模部署和应用工作要点》\n2025-05-20\n"
           "IPv6活跃用户数达到8.5亿。\n截至2024年底,IPv6活跃用户数达8.2亿。\n")
    found = extract(raw, 2025, IPV6)
    assert [(c.role, c.period) for c in found] == [("target", "2025"), ("outcome", "2024")]
    raw = "今年年底我国IPv6活跃用户数将达到7亿\n2022-04-29\n我国IPv6活跃用户数达6.08亿。\n"
    c = extract(raw, 2022, IPV6)[-1]  # the title's own figure comes first
    assert (c.role, c.period) == ("outcome", "2021")


def test_a_work_conference_title_does_not_make_its_review_goals() -> None:
    raw = "全国工业和信息化工作会议部署2023年工作\n2023-01-29\n5G基站总数达到231万个。\n"
    c = extract(raw, 2023, INDICATORS)[0]
    assert (c.role, c.period) == ("outcome", "2022")


CPI = [Indicator(id="cpi", zh="居民消费价格涨幅", en="CPI", unit="percent", category="macro",
                 better="lower", measure="rate")]


def test_a_work_reports_goals_are_the_goals_of_its_year() -> None:
    raw = "2021年《政府工作报告》量化指标任务完成\n2022-03-03\n居民消费价格涨幅3%左右。\n"
    c = extract(raw, 2022, CPI)[0]
    assert (c.role, c.period) == ("target", "2021")
    raw = "新华社受权全文播发《政府工作报告》(2018)\n2018-03-22\n居民消费价格涨幅3%左右。\n"
    assert extract(raw, 2018, CPI)[0].period == "2018"


JOBS = [Indicator(id="jobs", zh="城镇新增就业", en="Jobs", unit="people", category="macro",
                  better="higher", measure="flow")]


def test_a_bare_floor_is_a_goal_and_a_floor_reached_a_result() -> None:
    raw = "政府工作报告要点速读(2025)\n2025-03-05\n城镇新增就业1200万人以上。\n"
    assert (extract(raw, 2025, JOBS)[0].role, extract(raw, 2025, JOBS)[0].period) == (
        "target", "2025")
    raw = "政府工作报告\n2023-03-06\n城镇新增就业年均1270多万人。\n城镇新增就业超过1200万人。\n"
    assert [c.role for c in extract(raw, 2023, JOBS)] == ["outcome", "outcome"]
    c = one("全年规模以上工业增加值增长5.7%。", 2020)
    assert c.role == "outcome"


def test_a_title_naming_a_year_and_the_next_splits_results_from_goals() -> None:
    raw = ("全国工业和信息化工作会议报道:预计2016年全年指标及2017年工业和通信业发展目标\n"
           "2016-12-27\n互联网行业收入增长超过40%。\n全国规模以上工业增加值增长6%左右。\n")
    found = extract(raw, 2016, INDICATORS)
    assert [(c.role, c.period) for c in found] == [("outcome", "2016"), ("target", "2017")]


def test_a_respectively_list_shares_its_first_head_and_last_noun() -> None:
    indicators = [*INDICATORS,
                  Indicator(id="revenue", zh="电信业务收入增长", en="Revenue", unit="percent",
                            category="telecom", better="higher", measure="rate"),
                  Indicator(id="equipment", zh="装备制造业增加值增长", en="Equipment",
                            unit="percent", category="industry", better="higher",
                            measure="rate")]
    found = extract("2016年,电信业务总量、业务收入分别增长53%和5.1%。", 2016, indicators)
    assert [c.indicator for c in found] == ["telecom", "revenue"]
    found = extract("规模以上装备制造业、高技术制造业增加值同比分别增长9.2%、9.4%。", 2026,
                    indicators)
    assert found[0].indicator == "equipment"


TARIFFS = [Indicator(id="sme_broadband", zh="中小企业宽带平均资费变化", en="Broadband",
                     unit="percent", category="telecom", better="lower", measure="rate",
                     aliases=["中小企业宽带平均资费降低"]),
           Indicator(id="dedicated_line", zh="专线平均资费变化", en="Lines", unit="percent",
                     category="telecom", better="lower", measure="rate",
                     aliases=["专线平均资费降低"])]


def test_one_cut_for_two_tariffs_the_registry_keeps_apart_is_two_drafts() -> None:
    found = extract("中小企业宽带和专线平均资费再降10%。", 2021, TARIFFS)
    assert [(c.indicator, c.value) for c in found] == [("sme_broadband", -10),
                                                       ("dedicated_line", -10)]
    found = extract("软件和信息技术服务业收入增长15%。", 2016, INDICATORS)
    assert len(found) == 1


def test_a_joint_cut_whose_scope_was_said_before_is_two_drafts_by_the_joint_alias() -> None:
    joint = [i.model_copy(update={"aliases": [*i.aliases, "企业宽带和专线平均资费降低"]})
             for i in TARIFFS]
    found = extract("宽带和专线平均资费降低15%。", 2020, joint)  # 中小企业 said before
    assert [(c.indicator, c.value) for c in found] == [("sme_broadband", -15),
                                                       ("dedicated_line", -15)]
    # without a joint alias naming both, 宽带 alone names no indicator: one draft
    assert len(extract("宽带和专线平均资费降低15%。", 2020, TARIFFS)) == 1


def test_months_named_with_this_year_are_part_of_the_year() -> None:
    raw = "我国5G移动电话用户规模达8.51亿户\n2024-04-11\n截至今年2月末,5G基站总数达350万个。\n"
    c = extract(raw, 2024, INDICATORS)[-1]
    assert (c.role, c.period) == ("outcome", "2024-02")
    found = extract("5G基站总数从2016年底的1万个上升到今年8月份的70万个。", 2020, INDICATORS)
    assert found[-1].period == "2020-08"


def test_a_plans_span_in_the_sentence_beats_the_titles_year() -> None:
    raw = ("金壮龙部长谈今年5G发展目标和工作重点\n2023-03-05\n"
           "要努力完成十四五期间建1万个以上5G工厂的规划。\n")
    factories = [Indicator(id="factories", zh="5G工厂数", en="5G factories", unit="count",
                           category="telecom", better="higher", measure="stock",
                           aliases=["5G工厂"])]
    c = extract(raw, 2023, factories)[0]
    assert (c.role, c.period) == ("target", "2025")


def test_yao_with_a_verb_of_achieving_is_a_goal() -> None:
    raw = "2021年我国将新建5G基站60万个以上\n2020-12-29\n要完成180万款App检测。\n"
    apps = [Indicator(id="apps", zh="年度App检测数量", en="Apps", unit="count",
                      category="digital_economy", better="higher", measure="flow",
                      aliases=["App检测"])]
    c = extract(raw, 2020, apps)[-1]
    assert (c.role, c.period) == ("target", "2021")


def test_two_or_four_years_running_are_the_years_up_to_the_last_one_over() -> None:
    raw = "工业经济持续恢复\n2022-01-21\n规模以上工业增加值两年平均增长6.1%。\n"
    assert extract(raw, 2022, INDICATORS)[0].period == "2020-2021"
    raw = "数读2025经济答卷\n2025-12-31\n单位工业增加值能耗四年累计降低11.6%。\n"
    assert extract(raw, 2025, INDICATORS)[0].period == "2021-2024"


def test_a_year_that_is_over_is_a_result_even_under_a_title_of_plans() -> None:
    raw = "5G覆盖向县镇延伸 计划新建60万基站\n2021-01-27\n2020年我国累计建成5G基站71.8万个。\n"
    c = extract(raw, 2021, INDICATORS)[-1]
    assert (c.role, c.period) == ("outcome", "2020")


def test_already_about_is_an_approximate_result() -> None:
    raw = "政府工作报告\n2025-03-05\n规模以上工业增加值增长已达到6%左右。\n"
    c = extract(raw, 2025, INDICATORS)[0]
    assert (c.role, c.period, c.qualifier) == ("outcome", "2024", "about")


def test_a_title_naming_last_year_and_this_year_splits_results_from_goals() -> None:
    raw = ("两会|2025年国内GDP增长5% 今年经济增长预期目标为4.5%至5%\n2026-03-05\n"
           "城镇新增就业1267万人。\n城镇新增就业1200万人左右。\n")
    found = extract(raw, 2026, JOBS)
    assert [(c.role, c.period) for c in found][-2:] == [("outcome", "2025"), ("target", "2026")]


def test_a_shared_cut_keeps_a_name_with_he_whole() -> None:
    software = [*INDICATORS, Indicator(id="software", zh="软件和信息技术服务业收入增长",
                                       en="Software", unit="percent", category="telecom",
                                       better="higher", measure="rate")]
    found = extract("电信业务总量、软件和信息技术服务业收入同比均增长11%左右。", 2024, software)
    assert [c.indicator for c in found] == ["telecom", "software"]


def test_a_december_titles_goal_does_not_make_the_years_results_goals() -> None:
    raw = ("工信部:力争2020年底实现全国所有地级市覆盖5G网络\n2019-12-23\n"
           "正式启动5G商用,全国开通5G基站12.6万个。\n")
    c = extract(raw, 2019, INDICATORS)[-1]
    assert (c.role, c.period) == ("outcome", "2019")


def test_a_quarter_in_the_title_dates_its_results() -> None:
    raw = "资费下降 三季度中国用户月使用流量增93.6%\n2019-12-24\n电信业务总量同比增长30%。\n"
    assert extract(raw, 2019, INDICATORS)[-1].period == "2019-Q3"


GROWTH = [
    Indicator(id="jobs_avg", zh="城镇新增就业年均人数", en="Jobs", unit="people",
              category="macro", better="higher", measure="flow", aliases=["城镇新增就业年均"]),
    Indicator(id="hitech", zh="高技术制造业增加值增长", en="Hi-tech", unit="percent",
              category="industry", better="higher", measure="rate"),
]


def test_an_annual_average_under_a_five_year_review_is_over_those_years() -> None:
    raw = ("解读政府工作报告·过去一年和五年工作回顾\n2023-03-06\n城镇新增就业年均1270多万人。\n"
           "高技术制造业增加值增长7.4%。\n")
    found = extract(raw, 2023, GROWTH)
    assert [(c.indicator, c.period) for c in found] == [("jobs_avg", "2018-2022"),
                                                       ("hitech", "2022")]


def test_an_annual_average_takes_the_span_its_paragraph_named() -> None:
    raw = "2023-03-05\n过去五年,经济实力明显跃升。高技术制造业增加值年均增长10.6%。\n"
    assert extract(raw, 2023, GROWTH)[0].period == "2018-2022"


def test_two_listed_years_are_a_span_and_a_change_is_not_a_level() -> None:
    raw = "2019-07-29\n2017年、2018年两次大幅下调互联网专线资费,单价降幅达45%。\n"
    c = extract(raw, 2019, INDICATORS)[0]
    assert (c.role, c.period, c.value) == ("outcome", "2017-2018", -45)


def test_a_meeting_that_deploys_measures_sets_goals() -> None:
    raw = "国务院常务会议部署进一步推动网络提速降费\n2019-05-14\n扩容及新建5G基站超过60万个。\n"
    c = extract(raw, 2019, INDICATORS)[0]
    assert (c.role, c.period, c.qualifier) == ("target", "2019", "at_least")


def test_an_expectation_under_a_plans_deadline_is_a_goal() -> None:
    villages = [Indicator(id="v5g", zh="行政村5G通达率", en="Villages", unit="percent",
                          category="telecom", better="higher", measure="stock")]
    raw = "到2025年 行政村5G通达率将达八成\n2021-11-17\n行政村5G通达率预计达到80%。\n"
    c = extract(raw, 2021, villages)[0]
    assert (c.role, c.period, c.estimate) == ("target", "2025", False)
    raw = "2025年工作会议\n2025-12-26\n预计全年,行政村5G通达率达到90%。\n"
    c = extract(raw, 2025, villages)[0]
    assert (c.role, c.period, c.estimate) == ("outcome", "2025", True)


COVERAGE = [
    Indicator(id="county", zh="县城城区5G覆盖比例", en="County", unit="percent",
              category="telecom", better="higher", measure="stock"),
    Indicator(id="town", zh="乡镇镇区5G覆盖比例", en="Town", unit="percent",
              category="telecom", better="higher", measure="stock"),
    Indicator(id="v4g", zh="行政村4G网络通达比例", en="4G", unit="percent", category="telecom",
              better="higher", measure="stock", aliases=["行政村4G通达率"]),
    Indicator(id="vfibre", zh="行政村通光纤比例", en="Fibre", unit="percent",
              category="telecom", better="higher", measure="stock"),
]


def test_a_share_names_the_places_it_covers_after_the_figure() -> None:
    found = extract("5G网络已覆盖全部地级市城区、超过98%的县城城区和80%的乡镇镇区。", 2022,
                    COVERAGE)
    assert [(c.indicator, c.value, c.qualifier) for c in found] == [
        ("county", 98, "at_least"), ("town", 80, "exact")]
    # the network unnamed and two measured at the place: no guess
    assert extract("覆盖所有乡镇及95%的行政村。", 2025, COVERAGE)[0].indicator == ""
    # named in the figure before: that network
    found = extract("我国已建成4G基站590万个。\n覆盖所有乡镇及95%的行政村。", 2025,
                    [*COVERAGE, *INDICATORS, Indicator(
                        id="stations4g", zh="4G基站总数", en="4G", unit="count",
                        category="telecom", better="higher", measure="stock",
                        aliases=["4G基站"])])
    assert [c.indicator for c in found] == ["stations4g", "v4g"]


def test_a_level_given_without_a_date_mid_year_is_as_of_the_report() -> None:
    raw = "5G发展情况\n2022-08-09\n全国5G基站总数达196.8万个。\n"
    assert extract(raw, 2022, INDICATORS)[0].period == "2022-08"  # not end-2022, months ahead
    # from mid-month a bare statistic is last month's, out by then; 目前/已 keep the day's
    raw = "5G发展情况\n2022-08-20\n全国5G基站总数达196.8万个。\n"
    assert extract(raw, 2022, INDICATORS)[0].period == "2022-07"
    raw = "5G发展情况\n2022-08-20\n目前5G基站总数已达196.8万个。\n"
    assert extract(raw, 2022, INDICATORS)[0].period == "2022-08"
    raw = "5G发展情况\n2022-01-20\n5G基站总数达196.8万个。\n"
    assert extract(raw, 2022, INDICATORS)[0].period == "2021"  # January: last year's end
    # in spring, a level with no year is last year's end, unless 了 says it has got there now
    raw = "政府工作报告\n2020-03-25\n5G基站总数达到548.8万个。\n"
    assert extract(raw, 2020, INDICATORS)[0].period == "2019"
    raw = "政府工作报告\n2020-03-25\n5G基站总数达到了548.8万个。\n"
    assert extract(raw, 2020, INDICATORS)[0].period == "2020-03"
    raw = "5G发展情况\n2022-08-20\n预计全年5G基站总数达200万个。\n"
    assert extract(raw, 2022, INDICATORS)[0].period == "2022"  # an estimate of the year-end
    raw = "政府工作报告\n2024-03-05\n全国5G基站总数达337.7万个。\n"
    assert extract(raw, 2024, INDICATORS)[0].period == "2023"  # spring: last year's end
    raw = "5G发展情况\n2022-08-20\n5G基站总数完成了196.8万个。\n"
    assert extract(raw, 2022, INDICATORS)[0].period == "2022-08"  # 完成了: has got there


def test_a_clause_that_says_now_is_not_dated_by_an_earlier_clauses_year() -> None:
    raw = "5G发展情况\n2022-11-19\n2022年新建5G基站60万个,已累计建成5G基站228万个。\n"
    assert [c.period for c in extract(raw, 2022, INDICATORS)] == ["2022", "2022-11"]
    raw = "5G发展情况\n2023-08-19\n2022年新建5G基站88万个,已累计建成5G基站231万个。\n"
    assert [c.period for c in extract(raw, 2023, INDICATORS)] == ["2022", "2022"]  # a review
    raw = "5G发展情况\n2022-11-19\n去年新建5G基站65万个,目前5G基站总数达228万个。\n"
    assert [c.period for c in extract(raw, 2022, INDICATORS)] == ["2021", "2022-11"]


def test_qizhong_is_part_of_the_figure_before_it() -> None:
    raw = ("工信部部署2023年重点任务\n2023-01-11\n预计全年,规模以上工业增加值同比增长3.6%。\n"
           "其中制造业增加值增长3.1%左右。\n")
    found = extract(raw, 2023, INDICATORS)
    assert [(c.role, c.period, c.estimate, c.qualifier) for c in found] == [
        ("outcome", "2022", True, "exact"), ("outcome", "2022", True, "about")]


def test_a_completed_verb_reports_a_result_and_keeps_its_bound() -> None:
    raw = "今年底实现未通宽带行政村动态清零\n2021-05-17\n行政村4G网络通达比例超过了99%。\n"
    c = extract(raw, 2021, COVERAGE)[0]
    assert (c.role, c.qualifier, c.indicator) == ("outcome", "at_least", "v4g")


def test_a_figure_passed_in_january_is_last_years_under_a_title_of_goals() -> None:
    raw = "5G覆盖向县镇延伸 计划新建60万基站\n2021-01-27\n5G基站总数突破70万个。\n"
    c = extract(raw, 2021, INDICATORS)[-1]
    assert (c.role, c.period, c.qualifier) == ("outcome", "2020", "at_least")
    raw = ("三部门印发《2025年深入推进IPv6规模部署和应用工作要点》\n2025-05-20\n"
           "IPv6活跃用户数超过8.5亿。\n")
    assert extract(raw, 2025, IPV6)[0].role == "target"  # May: the title's goals still speak


SUBJECTS = [
    *INDICATORS,
    Indicator(id="digital_share", zh="数字经济规模占GDP比重", en="Digital share", unit="percent",
              category="digital_economy", better="higher", measure="rate"),
    Indicator(id="digital_growth", zh="数字经济规模增长", en="Digital growth", unit="percent",
              category="digital_economy", better="higher", measure="rate"),
    Indicator(id="factories", zh="5G工厂", en="5G factories", unit="count", category="industry",
              better="higher", measure="stock"),
]


def test_a_figure_with_no_subject_takes_the_last_one_named() -> None:
    found = extract("数字经济规模年均增长16.6%。\n占GDP比重达到36.2%。", 2020, SUBJECTS)
    assert [c.indicator for c in found] == ["digital_growth", "digital_share"]


def test_a_figure_that_names_what_it_counts_takes_no_earlier_subject() -> None:
    found = extract("累计建成5G基站231万个。\n打造100个标杆工厂。", 2023, SUBJECTS)
    assert [c.indicator for c in found] == ["stations", ""]


FIRMS = [
    Indicator(id=f"{key}_total", zh=zh, en=key, unit="count", category="enterprise",
              better="higher", measure="stock")
    for key, zh in (("smes", "专精特新中小企业"), ("giants", "专精特新“小巨人”企业"),
                    ("champions", "制造业单项冠军企业"))
]


def test_each_item_of_a_list_of_figures_is_its_own_subject() -> None:
    # a December 2024 work conference: one clause, three counts, three indicators
    raw = ("累计培育专精特新中小企业超过14万家、专精特新“小巨人”企业1.46万家、"
           "制造业单项冠军企业1557家。\n")
    found = extract(raw, 2024, FIRMS)
    assert [(c.value, c.indicator) for c in found] == [
        (140000, "smes_total"), (14600, "giants_total"), (1557, "champions_total")]
    assert all(c.quote == raw.strip().rstrip("。") for c in found)  # the quote stays whole


def test_a_share_of_what_follows_it_takes_no_earlier_subject() -> None:
    # 70%的危险化学品…任务 is a share of that task; 30%的承诺 refers back to what was cut
    raw = "数字经济规模年均增长16.6%。\n长江经济带10省份完成70%的危险化学品生产企业搬迁改造任务。\n"
    assert [c.indicator for c in extract(raw, 2020, SUBJECTS)] == ["digital_growth", ""]
    raw = "数字经济规模年均增长16.6%。\n超过了16%的目标。\n"
    assert [c.indicator for c in extract(raw, 2020, SUBJECTS)] == ["digital_growth"] * 2


def test_an_annual_average_goal_is_over_the_plan_in_force() -> None:
    c = one("2021年3月5日\n全社会研发经费投入年均增长7%以上、力争投入强度高于“十三五”时期实际。",
            2021)
    assert (c.role, c.period) == ("target", "2021-2025")
    assert one("2026年3月5日\n全社会研发经费投入年均增长7%以上。", 2026).period == "2026-2030"


VILLAGES = [
    Indicator(id=f"{place}_{net}", zh=f"{zh}通{word}比例", en=f"{place} {net}", unit="percent",
              category="telecom", better="higher", measure="rate")
    for place, zh in (("villages", "行政村"), ("poor", "贫困村"))
    for net, word in (("fibre", "光纤"), ("4g", "4G"))
]


def test_places_listed_before_networks_give_each_place_with_each_network() -> None:
    found = extract("全国行政村、贫困村通光纤和通4G的比例均超过98%。", 2021, VILLAGES)
    assert sorted(c.indicator for c in found) == [
        "poor_4g", "poor_fibre", "villages_4g", "villages_fibre"]
    assert {(c.value, c.qualifier) for c in found} == {(98, "at_least")}


def test_a_listed_network_shares_the_first_ones_place_and_verb() -> None:
    found = extract("我国行政村通光纤和4G的比例均超过了99%。", 2021, VILLAGES)
    assert [c.indicator for c in found] == ["villages_fibre", "villages_4g"]


def test_a_figure_set_against_last_years_is_a_result_under_a_title_of_goals() -> None:
    found = extract("工信部部署2023年重点任务\n2023-01-11\n"
                    "规模以上工业增加值增长8%左右。\n"
                    "规模以上工业增加值占GDP比重为28%,比上年提高0.5个百分点。", 2023, INDICATORS)
    by_value = {c.value: (c.role, c.period) for c in found}
    assert (by_value[8], by_value[28]) == (("target", "2023"), ("outcome", "2022"))


def test_a_rare_unit_names_its_one_indicator_when_the_words_fit() -> None:
    phones = Indicator(id="phones", zh="移动电话普及率", en="Phones", unit="per_100_people",
                       category="telecom", better="higher", measure="stock")
    c = extract("普及率为122.5部/百人。", 2024, [*INDICATORS, phones])[0]
    assert (c.indicator, c.unit, c.value) == ("phones", "per_100_people", 122.5)
    assert extract("普及率为122.5%。", 2024, [*INDICATORS, phones])[0].indicator == ""


def test_a_borrowed_subject_that_shares_no_word_with_the_figures_own_is_dropped() -> None:
    found = extract("累计建成5G基站231万个,高新技术企业达46.3万家。", 2024, SUBJECTS)
    assert [(c.value, c.indicator) for c in found] == [(2310000, "stations"), (463000, "")]


def test_a_change_in_percentage_points_never_fills_the_shares_indicator() -> None:
    found = extract("数字经济规模占GDP比重达到36.2%,提高1个百分点。", 2024, SUBJECTS)
    assert [(c.value, c.indicator) for c in found] == [(36.2, "digital_share"), (1, "")]
    assert found[1].suggestions[0] == "digital_share"
    assert found[1].reasons[0].endswith("but this figure is its change in percentage points")


def test_a_figure_takes_the_nearest_clause_that_names_an_indicator() -> None:
    text = "规模以上工业增加值保持较快,电信业务总量较快,同比增长16.8%。"
    assert [c.indicator for c in extract(text, 2024, SUBJECTS)] == ["telecom"]


def test_a_goal_that_a_result_is_compared_with_keeps_its_subject() -> None:
    jobs = Indicator(id="jobs", zh="城镇新增就业", en="Jobs", unit="people", category="macro",
                     better="higher", measure="flow")
    found = extract("城镇新增就业1206万人,明显高于1100万人以上的预期目标。", 2022, [jobs])
    assert [(c.value, c.indicator) for c in found] == [(12060000, "jobs"), (11000000, "jobs")]
    found = extract("单位工业增加值能耗下降16%,远远高于降低15%的既定目标。", 2022, INDICATORS)
    assert [c.indicator for c in found] == ["energy", "energy"]
