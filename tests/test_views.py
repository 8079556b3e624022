"""What each dashboard view shows, from the tables."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import ProjectMaker, entry, year_file

from pipeline.dataset import load_project
from pipeline.i18n import t
from pipeline.tables import Tables, build_tables
from pipeline.view_state import ViewState
from pipeline.views import (
    affected_years,
    ambition,
    busiest_indicator,
    commitments,
    differing_results,
    disagreements,
    filter_verdicts,
    filter_word,
    indicator_caption,
    indicator_options,
    latest_rated_year,
    legend,
    mark_years,
    scope_grid,
    scorecard,
    status_grid,
    status_label,
    year_counts,
)


@pytest.fixture
def tables(make_project: ProjectMaker) -> Tables:
    return three_goals(make_project)


def three_goals(make_project: ProjectMaker) -> Tables:
    """Three goals over 2019–2020: one met, one missed, one with no result."""
    root = make_project({
        "targets/2018.yaml": year_file(
            2018,
            entry(),
            entry(period=2020, value=7),
            entry(indicator="fiveg_base_stations_new", unit="count", value=600000,
                  qualifier="at_least", quote="新建5G基站60万个以上", note="600k new stations."),
            entry(role="commitment", indicator="fiveg_city_coverage", unit="milestone",
                  value=None, qualifier=None, period=2019, quote="推进5G建设",
                  note="Push 5G build-out."),
        ),
        "targets/2019.yaml": year_file(2019, entry(
            role="outcome", period=2019, value=5.6, qualifier="exact", estimate="true",
            source="conf-2019", quote="增长5.6%", note="Estimate.")),
        "targets/2020.yaml": year_file(
            2020,
            entry(role="outcome", period=2019, value=6.1, qualifier="exact", source="scio-2020",
                  quote="增长6.1%", note="Final."),
            entry(role="outcome", period=2019, value=6.0, qualifier="exact", source="nbs-2020",
                  quote="增长6.0%", note="Final, later."),
            entry(role="outcome", indicator="fiveg_base_stations_new", unit="count", period=2019,
                  value=500000, qualifier="exact", source="scio-2020", quote="新建50万个",
                  note="500k.")),
    })
    return build_tables(load_project(root))


def test_filters_combine(tables: Tables) -> None:
    v = tables.verdicts
    assert len(filter_verdicts(v, ViewState())) == 3
    assert filter_verdicts(v, ViewState(categories=("telecom",)))["indicator_id"].tolist() == [
        "fiveg_base_stations_new"]
    assert filter_verdicts(v, ViewState(statuses=("no_result",)))["year"].tolist() == [2020]
    assert len(filter_verdicts(v, ViewState(years=(2020, 2020)))) == 1
    assert len(filter_verdicts(v, ViewState(kinds=("press_conference",)))) == 0
    assert filter_verdicts(v, ViewState(query="基站"))["indicator_id"].tolist() == [
        "fiveg_base_stations_new"]
    assert len(filter_verdicts(v, ViewState(query="5g STATIONS"))) == 1


def test_year_counts_and_grid(tables: Tables) -> None:
    counts = year_counts(tables.verdicts)
    assert counts.values.tolist() == [[2019, 2, 1, 0, 1, 0, 0, 0, 0],
                                     [2020, 1, 0, 0, 0, 0, 0, 1, 0]]
    grid = status_grid(tables.verdicts, "en")
    assert grid.to_dict() == {
        "2019": {"5G base stations built in the year": "✗",
                 "Industrial value added growth": "✓"},
        "2020": {"5G base stations built in the year": "",
                 "Industrial value added growth": "∅"}}
    assert status_grid(tables.verdicts, "zh").loc["规模以上工业增加值增长", "2019"] == "✓"
    assert legend("zh").startswith("✓ 达成 · ★ 超额完成 · ✗ 未达成")


def test_status_labels_carry_a_symbol_and_a_word() -> None:
    assert status_label("exceeded", "zh") == "★ 超额完成"


def test_scorecard_has_evidence_for_both_sides(tables: Tables) -> None:
    card = scorecard(tables.verdicts[tables.verdicts["year"] == 2019], "en")
    first = card.iloc[0]
    assert first["Target"] == "about 6%"
    assert first["Result"] == "6%"
    assert first["Verdict"] == "✓ met"
    margin = "Margin (+ = better than the goal)"
    assert first[margin] == "0 pp"
    assert card.iloc[1][margin] == "-100,000"
    assert scorecard(tables.verdicts[tables.verdicts["year"] == 2020], "zh").iloc[0][
        "差距(+ 表示好于目标)"] == ""
    assert first["Flags"] == "sources differ; estimate revised"
    assert first["Target as printed"] == "工业增加值增长6%左右"
    assert first["Result source"] == "2019年统计公报"
    assert first["Target link"] == "https://www.miit.gov.cn/a.html"
    assert pd.isna(first["Result link"])
    chinese = scorecard(tables.verdicts, "zh")
    assert list(chinese.columns)[:8] == ["一句话结论", "目标详情", "范围", "年份", "时期", "指标",
                                         "目标", "结果"]
    assert first["In words"] == ("Goal: about 6% · Industrial value added growth · 2019 · "
                                 "result 6% · met it")
    assert first["Goal page"] == "?goal=industrial_va_growth:2019:about6"
    assert chinese["范围"].tolist()[0] == "全国"


def test_ambition_by_indicator_and_source_kind(tables: Tables) -> None:
    by_indicator = ambition(tables.verdicts, "indicator", "en")
    assert by_indicator["Indicator"].tolist() == ["Industrial value added growth",
                                                  "5G base stations built in the year"]
    assert by_indicator["Median relative margin"].tolist() == pytest.approx([0.0, -1 / 6])
    assert by_indicator["Median margin (in the unit)"].tolist() == ["0 pp", "-100,000"]
    by_kind = ambition(tables.verdicts, "source_kind", "zh")
    assert by_kind.iloc[0].tolist()[:2] == ["工作会议", 2]


def test_disagreements_list_every_result_and_which_decides(tables: Tables) -> None:
    frame = disagreements(tables, tables.verdicts, "en")
    assert frame[["Result", "Decides", "Source"]].values.tolist() == [
        ["5.6% (est.)", "", "全国工业和信息化工作会议 2019"],
        ["6.1%", "", "国新办发布会 2020-01-20"],
        ["6%", "✓", "2019年统计公报"]]


def test_commitments_are_listed_without_a_verdict(tables: Tables) -> None:
    names = {"fiveg_city_coverage": ("5G in every prefecture-level city", "地级市5G全覆盖")}
    frame = commitments(tables, "en", names, ViewState())
    assert frame[["Year", "Indicator", "As printed"]].values.tolist() == [
        [2019, "5G in every prefecture-level city", "推进5G建设"]]


def test_defaults_for_the_indicator_and_year_pickers(tables: Tables) -> None:
    assert busiest_indicator(tables.verdicts) == "industrial_va_growth"
    assert latest_rated_year(tables.verdicts) == 2019


def test_scope_grid_counts_verdicts_most_frequent_first() -> None:
    frame = pd.DataFrame({
        "scope": ["national", "hebei", "hebei", "hebei"], "year": [2019, 2019, 2019, 2020],
        "status": ["met", "missed", "missed", "exceeded"]})
    grid = scope_grid(frame, "zh")
    assert grid.to_dict() == {"2019": {"全国": "✓1", "河北": "✗2"},
                              "2020": {"全国": "", "河北": "★1"}}
    assert grid.loc["河北", "2019"].startswith("✗")  # the most frequent verdict sets the colour


def test_differing_results_are_listed_even_without_a_goal(tables: Tables) -> None:
    names = {"industrial_va_growth": ("Industrial value added growth", "工业增加值增长"),
             "fiveg_base_stations_new": ("New 5G", "新建5G")}
    frame = differing_results(tables, ViewState(), "en", names)
    assert frame[["Period", "Result", "Source"]].values.tolist() == [
        ["2019", "5.6% (est.)", "全国工业和信息化工作会议 2019"],
        ["2019", "6.1%", "国新办发布会 2020-01-20"],
        ["2019", "6%", "2019年统计公报"]]


def test_the_methodology_panel_reads_the_status_rules() -> None:
    from conftest import PROJECT_ROOT

    from pipeline.views import rules_text
    assert rules_text(PROJECT_ROOT).startswith("# How a goal gets its verdict")
    assert rules_text(PROJECT_ROOT / "nowhere") == "docs/status-rules.md"


def test_the_problem_banner_says_what_broke_and_what_it_costs() -> None:
    from pipeline.views import escape_markdown, problem_banner
    problems = pd.DataFrame([
        {"where": "targets/2019.yaml:42", "field": "", "problem": "unclosed quote", "kept": 0,
         "file": "targets/2019.yaml"},
        {"where": "targets/2020.yaml:7", "field": "entries[0].value", "problem": "bad",
         "kept": 12, "file": "targets/2020.yaml"},
        {"where": "data/indicators.yaml:3", "field": "", "problem": "syntax", "kept": 0,
         "file": "data/indicators.yaml"}])
    assert problem_banner(problems, "en").split("; ") == [
        "targets/2019.yaml: 1 problem(s), first at targets/2019.yaml:42: unclosed quote — the "
        "whole file is left out, so verdicts for 2018–2020 may be incomplete",
        "targets/2020.yaml: 1 problem(s), first at targets/2020.yaml:7: bad — those entries "
        "are left out",
        "data/indicators.yaml: 1 problem(s), first at data/indicators.yaml:3: syntax — a "
        "registry is broken: goals that depend on it cannot be rated"]
    assert escape_markdown("![x](http://e.x/i.png)") == r"\!\[x\]\(http://e\.x/i\.png\)"


def test_years_a_broken_file_touches_are_marked() -> None:
    problems = pd.DataFrame({"file": ["targets/2019.yaml", "targets/2019.yaml",
                                      "data/sources.yaml", "targets/guangdong/2023.yaml"]})
    assert affected_years(problems) == {2018, 2019, 2020, 2022, 2023, 2024}
    assert affected_years(problems.iloc[0:0]) == set()
    assert mark_years(["2017", "2018", "Indicator"], {2018}) == ["2017", "2018 ⚠", "Indicator"]


def test_indicator_picker_order_and_caption_follow_the_language(tables: Tables) -> None:
    names = {"industrial_va_growth": ("Industrial value added growth", "规模以上工业增加值增长"),
             "fiveg_base_stations_new": ("5G base stations built in the year", "新建5G基站")}
    assert indicator_options(tables.verdicts, names, "en") == [
        "fiveg_base_stations_new", "industrial_va_growth"]
    meta = tables.indicators.set_index("indicator_id").loc["industrial_va_growth"]
    assert indicator_caption(meta, names["industrial_va_growth"], "zh") == (
        "规模以上工业增加值增长 · Industrial value added growth · 单位: % · 越高越好")


def test_scope_options_put_the_country_first_then_the_busiest() -> None:
    from pipeline.views import scope_options
    frame = pd.DataFrame({"scope": ["beijing", "hebei", "hebei", "national", "anhui"]})
    assert scope_options(frame) == ["national", "hebei", "anhui", "beijing"]


def test_filter_options_read_as_words() -> None:
    assert filter_word("status", "missed", "en") == "✗ missed"
    assert filter_word("scope", "hebei", "zh") == "河北"
    assert filter_word("cat", "telecom", "en") == t("telecom", "en")
