"""Every rule of docs/status-rules.md, one small inline example each (the bundled data's own
examples are in tests/test_bundled_verdicts.py)."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.goals import Goal
from pipeline.models import Entry, Indicator, Source, Tolerance
from pipeline.periods import parse_period
from pipeline.records import Record
from pipeline.verdicts import rate, rate_all, result_due

TODAY = date(2026, 12, 1)
GROWTH = Indicator(id="va", zh="工业增加值增长", en="VA growth", unit="percent",
                   category="industry", better="higher", measure="rate",
                   tolerance=Tolerance(abs=0.3))
ENERGY = Indicator(id="energy", zh="能耗变化", en="Energy change", unit="percent",
                   category="environment", better="lower", measure="rate",
                   tolerance=Tolerance(abs=0.3))
UNEMPLOYMENT = ENERGY.model_copy(update={"id": "unemployment"})
CPI = ENERGY.model_copy(update={"id": "cpi", "limit": "控制在3%左右"})
NEW_STATIONS = Indicator(id="new", zh="新建5G基站", en="New 5G stations", unit="count",
                         category="telecom", better="higher", measure="flow",
                         flow_of="total")
TOTAL_STATIONS = NEW_STATIONS.model_copy(update={"id": "total", "measure": "stock",
                                                 "grows_only": True, "flow_of": None})
CITIES = Indicator(id="cities", zh="地级市5G", en="5G cities", unit="milestone",
                   category="telecom", better="higher", measure="stock")
TARIFF = ENERGY.model_copy(update={"id": "tariff", "category": "telecom"})
PACKAGE = CITIES.model_copy(update={"id": "package"})
RD = GROWTH.model_copy(update={"id": "rd", "result_lag_months": 10})
INDICATORS = {i.id: i for i in (GROWTH, ENERGY, UNEMPLOYMENT, CPI, NEW_STATIONS,
                                TOTAL_STATIONS, CITIES, TARIFF, PACKAGE, RD)}


def _source(source_id: str, published: str, reliability: str = "primary") -> Source:
    return Source(id=source_id, title=source_id, publisher="p", kind="news_report",
                  published=date.fromisoformat(published), reliability=reliability)


SOURCES = {s.id: s for s in (
    _source("goal", "2019-03-05"), _source("dec", "2019-12-23"),
    _source("jan", "2020-01-20"), _source("feb", "2020-02-28"),
    _source("mirror", "2020-03-01", "mirror"), _source("spun", "2020-03-02", "unreliable"),
    _source("restated", "2019-05-01", "reprint"),
)}


def record(role: str = "target", indicator: Indicator = GROWTH, period: str = "2019",
           source: str = "goal", index: int = 0, quote: str = "q", **fields: object) -> Record:
    entry = Entry(role=role, indicator=indicator.id, period=period, unit=indicator.unit,
                  source=source, quote=quote, note="n", **fields)
    return Record(entry, parse_period(period), int(period[:4]), "targets/x.yaml", 1, index)


def outcome(value: float | None = None, source: str = "jan", **fields: object) -> Record:
    fields.setdefault("indicator", GROWTH)
    if value is not None:
        fields["value"] = value
    return record(role="outcome", source=source, **fields)


def verdict(target: Record, *outcomes: Record, today: date = TODAY):
    return rate(target, outcomes, INDICATORS, SOURCES, today=today)


def status(target: Record, *outcomes: Record, today: date = TODAY) -> str:
    return verdict(target, *outcomes, today=today).status


# Rule 1: goals, not rows -------------------------------------------------------------------

def test_identical_statements_are_one_goal_and_different_figures_two() -> None:
    first = record(value=6, qualifier="about")
    again = record(value=6, qualifier="about", source="restated", index=1)
    other = record(value=6.5, qualifier="about", source="dec", index=2)
    verdicts = rate_all([again, first, other, outcome(6.1)], INDICATORS, SOURCES, TODAY)
    assert [(v.goal.id, len(v.goal.statements)) for v in verdicts] == [
        ("va:2019:about6", 2), ("va:2019:about6.5", 1)]
    assert verdicts[0].target is first  # the earliest published statement rates the goal
    assert verdicts[0].goal.source_ids == ("goal", "restated")


def test_a_record_can_name_its_goal_to_join_a_differently_worded_restatement() -> None:
    floor = record(indicator=NEW_STATIONS, value=600_000, qualifier="at_least")
    exact = record(indicator=NEW_STATIONS, value=600_000, source="restated", index=1,
                   goal="new:2019:ge600000")
    apart = record(indicator=NEW_STATIONS, value=600_000, qualifier="at_least",
                   source="dec", index=2, goal="separately-counted")
    verdicts = rate_all([floor, exact, apart], INDICATORS, SOURCES, TODAY)
    assert [(v.goal.id, len(v.goal.statements)) for v in verdicts] == [
        ("new:2019:ge600000", 2), ("separately-counted", 1)]


# Rule 2: pairing ---------------------------------------------------------------------------

def test_stock_targets_pair_with_the_level_at_the_end_of_their_period() -> None:
    plan = record(indicator=TOTAL_STATIONS, period="2021-2025", value=4_500_000,
                  qualifier="at_least")
    year_end = outcome(4_838_000, indicator=TOTAL_STATIONS, period="2025-12", source="feb")
    result = verdict(plan, year_end)
    assert (result.status, result.outcome, result.early) == ("exceeded", year_end, None)


def test_flows_need_the_same_span_and_stock_and_flow_never_pair() -> None:
    goal = record(indicator=NEW_STATIONS, period="2020", value=600_000, qualifier="at_least")
    jan_to_nov = outcome(580_000, indicator=NEW_STATIONS, period="2020-01/11", source="feb")
    whole_year = outcome(650_000, indicator=NEW_STATIONS, period="2020-01/12", source="feb")
    assert status(goal, jan_to_nov) == "no_result"
    assert status(goal, whole_year) == "exceeded"


# Rule 3: not due, no result ----------------------------------------------------------------

def test_a_goal_is_not_due_until_its_result_is_due() -> None:
    goal = record(value=6, qualifier="about", period="2026")
    assert status(goal) == "not_due"
    assert result_due(parse_period("2025"), GROWTH) == date(2026, 3, 31)
    assert status(record(value=6, qualifier="about", period="2025"),
                  today=date(2026, 3, 31)) == "not_due"
    assert status(record(value=6, qualifier="about", period="2025"),
                  today=date(2026, 4, 1)) == "no_result"


def test_the_lag_is_per_indicator() -> None:
    goal = record(indicator=RD, value=7, qualifier="at_least", period="2025")
    assert result_due(parse_period("2025"), RD) == date(2026, 10, 31)
    assert status(goal, today=date(2026, 9, 1)) == "not_due"


def test_a_due_goal_without_a_result_says_what_was_searched() -> None:
    goal = record(value=6, qualifier="about", searched="2026-12: searched the communiqués")
    result = verdict(goal)
    assert result.status == "no_result"
    assert "2026-12: searched the communiqués" in result.reason
    assert result.goal.search_note == "2026-12: searched the communiqués"


# Rule 4: claimed ---------------------------------------------------------------------------

def test_an_official_completion_statement_makes_covered_goals_claimed() -> None:
    goal = record(indicator=TARIFF, value=-15)
    other = record(indicator=ENERGY, value=-4, index=1)
    done = outcome(indicator=PACKAGE, achieved=True, covers=["tariff"],
                   quote="超额完成网络提速降费年度任务")
    verdicts = rate_all([goal, other, done], INDICATORS, SOURCES, TODAY)
    assert [v.status for v in verdicts] == ["claimed", "no_result"]
    assert verdicts[0].claim is done
    assert "超额完成网络提速降费年度任务" in verdicts[0].reason


def test_a_figure_decides_over_a_claim() -> None:
    goal = record(indicator=TARIFF, value=-15)
    done = outcome(indicator=PACKAGE, achieved=True, covers=["tariff"])
    figure = outcome(-20, indicator=TARIFF, index=1)
    result = rate_all([goal, done, figure], INDICATORS, SOURCES, TODAY)[0]
    assert (result.status, result.outcome, result.claim) == ("exceeded", figure, done)


# Rules 5-9: numbers --------------------------------------------------------------------------

@pytest.mark.parametrize(("result", "expected"), [(130_000, "met"), (150_000, "exceeded"),
                                                  (120_000, "missed")])
def test_exact_targets(result: float, expected: str) -> None:
    goal = record(indicator=NEW_STATIONS, value=130_000)
    assert status(goal, outcome(result, indicator=NEW_STATIONS)) == expected


@pytest.mark.parametrize(("result", "expected"), [(6.2, "met"), (5.7, "met"), (6.3, "met"),
                                                  (6.31, "exceeded"), (5.69, "missed")])
def test_about_targets_allow_the_tolerance_with_no_knife_edge(result: float,
                                                              expected: str) -> None:
    assert status(record(value=6, qualifier="about"), outcome(result)) == expected


def test_edges_are_compared_in_decimal() -> None:
    # 5.5 - 0.3 is 5.199999999999999 in floats; in decimal it is 5.2, and 5.2 is met.
    goal = record(indicator=ENERGY, value=5.5, qualifier="about")
    result = verdict(goal, outcome(5.2, indicator=ENERGY))
    assert result.status == "met"
    assert result.gap == -0.3
    assert result.band == "met from 5.2% to 5.8%; beaten below 5.2%"
    assert result.band in result.reason


@pytest.mark.parametrize(("result", "expected"), [(610_000, "met"), (630_000, "met"),
                                                  (654_000, "exceeded"), (580_000, "missed")])
def test_floors(result: float, expected: str) -> None:
    goal = record(indicator=NEW_STATIONS, value=600_000, qualifier="at_least")
    assert status(goal, outcome(result, indicator=NEW_STATIONS)) == expected


@pytest.mark.parametrize(("result", "expected"), [(5.4, "met"), (5.5, "met"),
                                                  (5.0, "exceeded"), (5.6, "missed")])
def test_ceilings_not_framed_as_limits(result: float, expected: str) -> None:
    goal = record(indicator=UNEMPLOYMENT, value=5.5, qualifier="at_most")
    assert status(goal, outcome(result, indicator=UNEMPLOYMENT)) == expected


@pytest.mark.parametrize(("result", "expected"), [(0.2, "met"), (2.9, "met"), (3.3, "met"),
                                                  (3.31, "missed")])
def test_a_limit_is_met_anywhere_on_its_good_side_and_never_exceeded(result: float,
                                                                     expected: str) -> None:
    goal = record(indicator=CPI, value=3, qualifier="about")
    assert status(goal, outcome(result, indicator=CPI)) == expected
    assert verdict(goal).band == ("a limit (控制在3%左右): met at or below 3.3%; a limit is "
                                  "never beaten")


def test_a_record_can_frame_its_own_target_as_a_limit() -> None:
    goal = record(indicator=UNEMPLOYMENT, value=5.5, qualifier="about", limit="控制在5.5%以内")
    assert status(goal, outcome(5.1, indicator=UNEMPLOYMENT)) == "met"
    assert status(record(indicator=UNEMPLOYMENT, value=5.5, qualifier="about"),
                  outcome(5.1, indicator=UNEMPLOYMENT)) == "exceeded"


@pytest.mark.parametrize(("result", "expected", "gap"), [
    (5.7, "met", 0.0), (5.5, "met", 0.0), (6.0, "met", 0.0),
    (6.3, "exceeded", 0.3), (5.2, "missed", -0.3)])
def test_ranges_and_their_gap_to_the_nearest_end(result: float, expected: str,
                                                 gap: float) -> None:
    result_verdict = verdict(record(qualifier="range", low=5.5, high=6), outcome(result))
    assert (result_verdict.status, result_verdict.gap) == (expected, gap)


def test_a_result_range_is_summarised_by_its_midpoint_as_written() -> None:
    # 各月全国城镇调查失业率保持在4.8%至5.1%之间 against 5.5%: 4.95 - 5.5, not -0.550000000000001
    goal = record(indicator=UNEMPLOYMENT, value=5.5, qualifier="at_most")
    result = outcome(None, indicator=UNEMPLOYMENT, qualifier="range", low=4.8, high=5.1)
    assert verdict(goal, result).gap == -0.55


@pytest.mark.parametrize(("result", "expected"), [(-4, "met"), (-4.5, "exceeded"),
                                                  (-3.5, "missed")])
def test_lower_is_better_mirrors_the_rules(result: float, expected: str) -> None:
    goal = record(indicator=ENERGY, value=-4)
    assert status(goal, outcome(result, indicator=ENERGY)) == expected


# Rule 10: milestones -------------------------------------------------------------------------

@pytest.mark.parametrize(("achieved", "expected"), [(True, "met"), (False, "missed")])
def test_milestones(achieved: bool, expected: str) -> None:
    goal = record(indicator=CITIES, period="2020")
    done = outcome(indicator=CITIES, period="2020", achieved=achieved)
    assert (verdict(goal, done).status, verdict(goal, done).gap) == (expected, None)


# Rule 11: bounds -----------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "qualifier", "expected"), [
    (650_000, "at_least", "exceeded"), (600_000, "at_least", "met"),
    (500_000, "at_least", "unratable"), (500_000, "at_most", "missed"),
    (700_000, "at_most", "unratable")])
def test_results_given_as_bounds(value: float, qualifier: str, expected: str) -> None:
    goal = record(indicator=NEW_STATIONS, value=600_000, qualifier="at_least")
    assert status(goal, outcome(value, indicator=NEW_STATIONS, qualifier=qualifier)) == expected


# Rule 12: achieved early ---------------------------------------------------------------------

def test_a_floor_on_a_level_that_only_grows_is_settled_by_an_interim_figure() -> None:
    goal = record(indicator=TOTAL_STATIONS, period="2023", value=2_900_000,
                  qualifier="at_least")
    june = outcome(2_937_000, indicator=TOTAL_STATIONS, period="2023-06", source="feb")
    march = outcome(2_640_000, indicator=TOTAL_STATIONS, period="2023-03", source="jan")
    result = verdict(goal, march, june, today=date(2023, 8, 1))
    assert (result.status, result.early, result.outcome) == ("met", date(2023, 6, 30), june)
    assert result.reason.startswith("early: passed by 2023-06, before the 2023 deadline")


def test_no_early_verdict_for_a_level_that_can_fall() -> None:
    goal = record(indicator=TOTAL_STATIONS, period="2023", value=2_900_000,
                  qualifier="at_least")
    june = outcome(2_937_000, indicator=TOTAL_STATIONS, period="2023-06", source="feb")
    can_fall = {**INDICATORS, "total": TOTAL_STATIONS.model_copy(update={"grows_only": False})}
    assert rate(goal, [june], can_fall, SOURCES, today=TODAY).status == "no_result"


# Rule 13: derived results --------------------------------------------------------------------

def test_a_flow_is_derived_from_two_year_end_levels_when_not_printed() -> None:
    goal = record(indicator=NEW_STATIONS, period="2023", value=600_000)
    end = outcome(3_377_000, indicator=TOTAL_STATIONS, period="2023", source="feb")
    start = outcome(2_312_000, indicator=TOTAL_STATIONS, period="2022", source="jan")
    result = verdict(goal, end, start)
    assert (result.status, result.derived_from, result.gap) == ("exceeded", (end, start),
                                                                  465_000)
    assert result.outcome is not None and result.outcome.entry.value == 1_065_000
    assert result.reason.startswith("derived: 2023 level − 2022 level")


def test_a_printed_figure_is_preferred_over_a_derived_one() -> None:
    goal = record(indicator=NEW_STATIONS, period="2023", value=600_000)
    printed = outcome(1_000_000, indicator=NEW_STATIONS, period="2023")
    end = outcome(3_377_000, indicator=TOTAL_STATIONS, period="2023", source="feb")
    start = outcome(2_312_000, indicator=TOTAL_STATIONS, period="2022", source="jan")
    result = verdict(goal, printed, end, start)
    assert (result.outcome, result.derived) == (printed, False)


# Rule 14: progress before the deadline ---------------------------------------------------

def test_a_goal_not_yet_due_shows_its_progress() -> None:
    goal = record(value=6, qualifier="about", period="2026")
    so_far = outcome(5.2, period="2026-Q1")
    result = verdict(goal, so_far)
    assert (result.status, result.progress) == ("not_due", "off_track")
    assert result.progress_basis == "cumulative rate 5.2% for 2026-Q1, against the goal's band"
    assert verdict(goal, outcome(5.8, period="2026-Q1")).progress == "on_track"


def test_progress_of_a_flow_is_paced_by_the_share_of_the_year() -> None:
    goal = record(indicator=NEW_STATIONS, period="2026", value=600_000, qualifier="at_least")
    assert verdict(goal, outcome(460_000, indicator=NEW_STATIONS,
                                 period="2026-01/09")).progress == "on_track"
    behind = verdict(goal, outcome(400_000, indicator=NEW_STATIONS, period="2026-01/09"))
    assert behind.progress == "off_track"
    assert behind.progress_basis == "400,000 by 2026-01/09, 9 of 12 months; pace needs 450,000"


# Rule 15: disagreement --------------------------------------------------------------------

def test_figures_that_agree_up_to_rounding_are_not_a_disagreement() -> None:
    goal = record(indicator=TOTAL_STATIONS, period="2022", value=2_000_000)
    exact = outcome(2_312_000, indicator=TOTAL_STATIONS, period="2022", quote="231.2万个")
    bound = outcome(2_300_000, indicator=TOTAL_STATIONS, period="2022", qualifier="at_least",
                    quote="超过230万个", source="feb", index=1)
    assert verdict(goal, exact, bound).disagreement is False


def test_figures_that_conflict_are_a_disagreement_and_the_latest_decides() -> None:
    goal = record(indicator=UNEMPLOYMENT, period="2020", value=5.5, qualifier="about")
    first = outcome(4.24, indicator=UNEMPLOYMENT, period="2020", quote="4.24%")
    later = outcome(3.62, indicator=UNEMPLOYMENT, period="2020", quote="3.62%", source="feb",
                    index=1)
    result = verdict(goal, first, later)
    assert (result.disagreement, result.outcome) == (True, later)


def test_a_figure_set_aside_is_kept_and_shown_but_decides_only_alone() -> None:
    goal = record(indicator=UNEMPLOYMENT, period="2020", value=5.5, qualifier="about")
    first = outcome(4.24, indicator=UNEMPLOYMENT, period="2020", quote="4.24%")
    copied = outcome(3.62, indicator=UNEMPLOYMENT, period="2020", quote="3.62%", source="feb",
                     index=1, set_aside="3.62% repeats the 2019 rate")
    result = verdict(goal, first, copied)
    assert (result.disagreement, result.outcome) == (True, first)
    assert copied in result.outcomes
    assert "1 set aside: 3.62% repeats the 2019 rate" in result.reason
    assert "latest of" not in result.reason  # one figure was weighed, not two
    assert verdict(goal, copied).outcome is copied  # alone, it is all there is


def test_unreliable_sources_are_set_aside_but_kept() -> None:
    goal = record(value=6, qualifier="about")
    official = outcome(6.0, source="jan")
    spun = outcome(9.0, source="spun")
    result = verdict(goal, official, spun)
    assert result.outcome is official
    assert spun in result.outcomes
    assert "unreliable" in result.reason


# Rule 16: estimate vs final ----------------------------------------------------------------

def test_the_final_figure_decides_and_a_differing_estimate_is_revised() -> None:
    goal = record(indicator=TOTAL_STATIONS, value=130_000)
    estimate = outcome(126_000, indicator=TOTAL_STATIONS, source="dec", estimate=True,
                       quote="12.6万个")
    final = outcome(130_000, indicator=TOTAL_STATIONS, source="jan", qualifier="at_least")
    result = verdict(goal, final, estimate)
    assert (result.status, result.outcome, result.basis, result.revised) == (
        "met", final, "final", True)
    assert result.outcomes == (estimate, final)


def test_with_estimates_only_the_latest_estimate_decides() -> None:
    early = outcome(5.6, source="dec", estimate=True, qualifier="about")
    result = verdict(record(value=6, qualifier="about"), early)
    assert (result.status, result.basis, result.revised) == ("missed", "estimate", False)
    assert "estimate only" in result.reason


# Rule 17: evidence strength ----------------------------------------------------------------

@pytest.mark.parametrize(("source", "evidence", "weak"), [
    ("jan", "official", False), ("restated", "reprint", False), ("mirror", "mirror", False),
    ("spun", "unreliable", True)])
def test_every_verdict_says_how_strong_its_evidence_is(source: str, evidence: str,
                                                       weak: bool) -> None:
    result = verdict(record(value=6, qualifier="about"), outcome(6.1, source=source))
    assert (result.evidence, result.weak_evidence) == (evidence, weak)


# Rule 18: the official judgement ------------------------------------------------------------

def test_the_official_judgement_is_shown_beside_ours_and_a_difference_is_flagged() -> None:
    goal = record(value=6, qualifier="about")
    review = outcome(6.2, judgement="超额完成")
    result = verdict(goal, review)
    assert (result.status, result.official_judgement, result.judgement_differs) == (
        "met", "超额完成", True)
    assert verdict(goal, outcome(5.0, judgement="完成")).judgement_differs is True  # missed
    assert verdict(goal, outcome(6.2, judgement="完成")).judgement_differs is False


def test_a_limit_judged_better_than_its_ceiling_is_not_a_difference() -> None:
    goal = record(indicator=UNEMPLOYMENT, period="2020", value=6, qualifier="about",
                  limit="控制在6%左右")
    review = outcome(5.2, indicator=UNEMPLOYMENT, period="2020", judgement="优于6%左右的预期目标")
    result = verdict(goal, review)
    assert (result.status, result.official_judgement, result.judgement_differs) == (
        "met", "优于6%左右的预期目标", False)


def test_a_package_claim_is_the_judgement_of_its_goals_but_not_of_their_degree() -> None:
    goal = record(indicator=TARIFF, value=-15)
    claim = outcome(indicator=PACKAGE, achieved=True, covers=["tariff"], judgement="超额完成")
    result = rate_all([goal, claim, outcome(-15, indicator=TARIFF, index=1)], INDICATORS,
                      SOURCES, TODAY)[0]
    assert (result.status, result.official_judgement, result.judgement_differs) == (
        "met", "超额完成", False)


def test_commitments_and_outcomes_get_no_verdict() -> None:
    commitment = record(role="commitment", indicator=CITIES, period="2020")
    done = outcome(indicator=CITIES, period="2020", achieved=True)
    assert rate_all([commitment, done], INDICATORS, SOURCES, TODAY) == []


def test_a_single_record_rates_as_a_goal_of_one_statement() -> None:
    goal = record(value=6, qualifier="about")
    assert isinstance(verdict(goal).goal, Goal)


# Rule 22 of the doc: a limit held in every year of a span --------------------------------------

YEARLY = UNEMPLOYMENT.model_copy(update={"each_year": True})


def _plan_rate(*values: float, indicator: Indicator = YEARLY) -> list[Record]:
    return [outcome(value, indicator=indicator, period=str(2021 + i), index=i + 1)
            for i, value in enumerate(values)]


def _rate_plan(*values: float, indicator: Indicator = YEARLY, today: date = TODAY):
    goal = record(indicator=indicator, period="2021-2025", value=5.5, qualifier="at_most")
    return rate(goal, _plan_rate(*values, indicator=indicator),
                {**INDICATORS, indicator.id: indicator}, SOURCES, today=today)


def test_a_limit_over_a_span_is_missed_by_one_year_past_it() -> None:
    result = _rate_plan(5.1, 5.6, 5.2, 5.1, 5.2)
    assert (result.status, result.outcome.period.text, result.gap) == ("missed", "2022", 0.1)
    assert len(result.outcomes) == 5
    assert result.reason.startswith(
        "each year of 2021-2025 held to the limit, a year past the limit: 2022 decides "
        "(2021 5.1%, 2022 5.6%, 2023 5.2%, 2024 5.1%, 2025 5.2%)")
    early = _rate_plan(5.1, 5.6, today=date(2023, 6, 1))
    assert early.status == "missed"  # settled before the span ends


def test_a_limit_over_a_span_is_met_once_every_year_is_within_it() -> None:
    result = _rate_plan(5.1, 5.4, 5.2, 5.1, 5.2)
    assert (result.status, result.outcome.period.text) == ("met", "2022")  # the worst year
    assert "every year within it" in result.reason
    assert _rate_plan(5.1, 5.4, 5.2, 5.1).status == "no_result"  # 2025 not in: unsettled
    assert _rate_plan(5.1, 5.4, today=date(2024, 1, 1)).status == "not_due"


def test_without_each_year_a_span_needs_its_own_figure() -> None:
    assert _rate_plan(5.1, 5.6, 5.2, 5.1, 5.2, indicator=UNEMPLOYMENT).status == "no_result"


def test_a_figure_kept_under_the_goals_floor_misses_it() -> None:
    """接近50% (close to, so under, 50%) against 超50%: missed, with no gap; without
    short_of the same bound could be 50% itself and cannot settle the goal."""
    goal = record(value=50, qualifier="at_least")
    close = outcome(50, qualifier="at_most", short_of="接近50%: under 50%")
    result = verdict(goal, close)
    assert (result.status, result.gap) == ("missed", None)
    assert "the result stays under its figure (接近50%: under 50%)" in result.reason
    assert status(goal, outcome(50, qualifier="at_most")) == "unratable"
    assert status(record(value=50, qualifier="about"), close) == "unratable"  # 49.8 is about 50
