"""Goals in words and the goal page, from the bundled data."""

from __future__ import annotations

from functools import cache

from conftest import PROJECT_ROOT

from pipeline.dataset import load_project
from pipeline.goal_view import goal_page, goal_sentence, headline, indicator_history
from pipeline.tables import Tables, build_tables


@cache
def tables() -> Tables:
    return build_tables(load_project(PROJECT_ROOT))


def row(goal: str):
    verdicts = tables().verdicts
    return verdicts[verdicts["goal_id"] == goal].iloc[0]


def test_a_goal_in_one_sentence_in_both_languages() -> None:
    derived = row("fiveg_base_stations_new:2023:600000")
    assert goal_sentence(derived, "en") == (
        "Goal: 600,000 · 5G base stations built in the year (net additions) · 2023 · "
        "result 1.065 million "
        "(derived) · beat it by 78%")
    assert goal_sentence(derived, "zh").endswith("结果106.5万(推算) · 超出78%")
    assert goal_sentence(row("gdp_growth:2022:about5.5"), "en").endswith("missed it by 2.5 pp")
    assert goal_sentence(row("gdp_growth:2026:4.5to5"), "en").endswith(
        "not due yet (on track)")


def test_the_headline_counts_goals_of_the_selection() -> None:
    verdicts = tables().verdicts
    text = headline(verdicts, "en")
    due = int((verdicts["status"] != "not_due").sum())
    assert text.startswith(f"Of {due} goals due by the end of 2025: ")
    assert "not yet due (" in text
    assert headline(verdicts.iloc[0:0], "en") == ""
    assert headline(verdicts, "zh").startswith(f"截至2025年底到期的{due}个目标中")


def test_the_goal_page_shows_every_statement_and_result() -> None:
    page = goal_page(tables(), "fiveg_base_stations_new:2021:ge600000", "en")
    assert page is not None
    assert len(page.statements) == 5
    trust = page.statements["source_reliability"].map(
        {"primary": 0, "reprint": 1, "mirror": 2, "unreliable": 3}).tolist()
    assert trust == sorted(trust)  # the most reliable copy first
    assert page.results["decides"].iloc[0]
    assert goal_page(tables(), "no-such-goal", "en") is None


def test_a_goals_chart_data_is_its_indicator_in_its_scope() -> None:
    verdicts, records = indicator_history(tables(), row("fiveg_base_stations_new:2023:600000"))
    assert set(verdicts["indicator_id"]) == set(records["indicator_id"]) == \
        {"fiveg_base_stations_new"}
    assert set(verdicts["scope"]) == {"national"}
    assert {2021, 2022, 2023} <= set(verdicts["year"])


def test_a_span_goals_page_leads_with_the_year_that_decides_it() -> None:
    """Each year's figure decides its own year's goal; on the plan's page only 2022 does."""
    tables = build_tables(load_project(PROJECT_ROOT))
    page = goal_page(tables, "surveyed_unemployment_rate:2021-2025:le5.5", "en")
    assert page is not None
    assert page.results["decides"].tolist() == [True] + [False] * (len(page.results) - 1)
    assert (page.results.iloc[0]["period"], page.results.iloc[0]["value"]) == ("2022", 5.6)
