"""Language-neutral tables built from a dataset."""

from __future__ import annotations

import pytest
from conftest import SOURCES, ProjectMaker, entry, year_file

from pipeline.dataset import load_project
from pipeline.tables import (
    RECORD_COLUMNS,
    VERDICT_COLUMNS,
    Tables,
    build_tables,
    problem_table,
)


@pytest.fixture
def tables(make_project: ProjectMaker) -> Tables:
    root = make_project({
        "targets/2018.yaml": year_file(
            2018, entry(),
            entry(indicator="energy_intensity_change", value=-4, qualifier="exact",
                  quote="能耗下降4%", note="Cut energy use per unit by 4%.")),
        "targets/2019.yaml": year_file(2019, entry(
            role="outcome", period=2019, value=5.6, estimate="true", source="conf-2019",
            quote="增长5.6%左右", note="Estimate.")),
        "targets/2020.yaml": year_file(
            2020,
            entry(role="outcome", period=2019, value=6.1, qualifier="exact", source="scio-2020",
                  quote="增长6.1%", note="Final."),
            entry(role="outcome", indicator="energy_intensity_change", period=2019, value=-4.5,
                  qualifier="exact", source="nbs-2020", quote="下降4.5%", note="Final.")),
    })
    return build_tables(load_project(root))


def test_verdict_table_has_one_row_per_target_with_both_sides(tables: Tables) -> None:
    frame = tables.verdicts
    assert list(frame.columns) == VERDICT_COLUMNS
    rows = frame.set_index("indicator_id")
    va = rows.loc["industrial_va_growth"]
    assert (va["status"], va["result_text"], va["result_source_title"]) == (
        "met", "6.1%", "国新办发布会 2020-01-20")
    assert va["revised"] and not va["disagreement"]
    assert (va["band_low"], va["band_high"]) == pytest.approx((5.7, 6.3))
    assert va["target_text_zh"] == "约6%"
    assert va["target_url"] == "https://www.miit.gov.cn/a.html"
    energy = rows.loc["energy_intensity_change"]
    assert energy["status"] == "exceeded"
    assert energy["gap"] == pytest.approx(-0.5)
    assert energy["margin"] == pytest.approx(0.5)  # lower is better: a bigger cut beats the goal
    assert energy["relative_margin"] == pytest.approx(0.125)
    assert "能耗下降4%" in energy["search_text"]


def test_record_table_links_outcomes_to_the_target_they_answer(tables: Tables) -> None:
    records = tables.records
    assert list(records.columns) == RECORD_COLUMNS
    outcomes = records[records["role"] == "outcome"].set_index("source_id")
    assert outcomes.loc["scio-2020", "decides"]
    assert not outcomes.loc["conf-2019", "decides"]
    assert outcomes.loc["conf-2019", "target_id"] == (
        "2018:target:industrial_va_growth:2019:conf-2018")
    assert outcomes.loc["conf-2019", "text_zh"] == "约5.6%(预计)"


def test_problem_table(make_project: ProjectMaker) -> None:
    root = make_project({"targets/2018.yaml": year_file(2018, entry(value="x"))})
    frame = problem_table(load_project(root))
    assert frame.values.tolist() == [["targets/2018.yaml:6", "entries[0].value",
                                      "expected a number, got 'x' (hint: write digits in base "
                                      "units without quotes, e.g. 126000 or 6.5)",
                                      "targets/2018.yaml", 0]]


def test_goals_are_grouped_by_the_kind_of_event_their_source_reports(
        make_project: ProjectMaker) -> None:
    sources = SOURCES.replace("    kind: work_conference\n    url:",
                              "    kind: news_report\n    event_kind: work_conference\n    url:", 1)
    root = make_project({"targets/2018.yaml": year_file(2018, entry())}, sources=sources)
    dataset = load_project(root)
    assert dataset.sources["conf-2018"].kind == "news_report"
    assert build_tables(dataset).verdicts["target_source_kind"].tolist() == ["work_conference"]
