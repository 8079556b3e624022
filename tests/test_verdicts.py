"""Every rule of docs/status-rules.md, one example each."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.models import Entry, Indicator, Source, Tolerance
from pipeline.periods import parse_period
from pipeline.records import Record
from pipeline.verdicts import compare, judge, rate, rate_all, tolerance

GROWTH = Indicator(id="va", zh="工业增加值增长", en="VA growth", unit="percent",
                   category="industry", better="higher", measure="rate",
                   tolerance=Tolerance(abs=0.3))
ENERGY = Indicator(id="energy", zh="能耗变化", en="Energy change", unit="percent",
                   category="environment", better="lower", measure="rate",
                   tolerance=Tolerance(abs=0.3))
UNEMPLOYMENT = ENERGY.model_copy(update={"id": "unemployment"})
NEW_STATIONS = Indicator(id="new", zh="新建5G基站", en="New 5G stations", unit="count",
                         category="telecom", better="higher", measure="flow")
TOTAL_STATIONS = NEW_STATIONS.model_copy(update={"id": "total", "measure": "stock"})
CITIES = Indicator(id="cities", zh="地级市5G", en="5G cities", unit="milestone",
                   category="telecom", better="higher", measure="stock")
INDICATORS = {i.id: i for i in (GROWTH, ENERGY, UNEMPLOYMENT, NEW_STATIONS, TOTAL_STATIONS, CITIES)}


def _source(source_id: str, published: str, reliability: str = "primary") -> Source:
    return Source(id=source_id, title=source_id, publisher="p", kind="news_report",
                  published=date.fromisoformat(published), reliability=reliability)


SOURCES = {s.id: s for s in (
    _source("goal", "2019-03-05"), _source("dec", "2019-12-23"),
    _source("jan", "2020-01-20"), _source("feb", "2020-02-28"),
    _source("mirror", "2020-03-01", "unreliable"),
)}


def record(role: str = "target", indicator: Indicator = GROWTH, period: str = "2019",
           source: str = "goal", index: int = 0, **fields: object) -> Record:
    entry = Entry(role=role, indicator=indicator.id, period=period, unit=indicator.unit,
                  source=source, quote="q", note="n", **fields)
    return Record(entry, parse_period(period), int(period[:4]), "targets/x.yaml", 1, index)


def outcome(value: float | None = None, source: str = "jan", **fields: object) -> Record:
    fields.setdefault("indicator", GROWTH)
    if value is not None:
        fields["value"] = value
    return record(role="outcome", source=source, **fields)


def status(target: Record, *outcomes: Record) -> str:
    indicator = INDICATORS[target.entry.indicator]
    return rate(target, outcomes, indicator, SOURCES).status


# Rule 1: pairing -------------------------------------------------------------------------

def test_stock_targets_pair_with_the_level_at_the_end_of_their_period() -> None:
    plan = record(indicator=TOTAL_STATIONS, period="2021-2025", value=4_500_000,
                  qualifier="at_least")
    year_end = outcome(4_838_000, indicator=TOTAL_STATIONS, period="2025-12", source="feb")
    verdict = rate_all([plan, year_end], INDICATORS, SOURCES)[0]
    assert verdict.status == "exceeded"
    assert verdict.outcome is year_end


def test_interim_figures_do_not_rate_a_year_target() -> None:
    goal = record(indicator=TOTAL_STATIONS, period="2025", value=4_500_000,
                  qualifier="at_least")
    november = outcome(4_830_000, indicator=TOTAL_STATIONS, period="2025-11", source="feb")
    assert rate_all([goal, november], INDICATORS, SOURCES)[0].status == "pending"


def test_flows_need_the_same_span_and_stock_and_flow_never_pair() -> None:
    goal = record(indicator=NEW_STATIONS, period="2020", value=600_000, qualifier="at_least")
    jan_to_nov = outcome(580_000, indicator=NEW_STATIONS, period="2020-01/11", source="feb")
    cumulative = outcome(718_000, indicator=TOTAL_STATIONS, period="2020", source="feb")
    whole_year = outcome(650_000, indicator=NEW_STATIONS, period="2020-01/12", source="feb")
    assert rate_all([goal, jan_to_nov, cumulative], INDICATORS, SOURCES)[0].status == "pending"
    assert rate_all([goal, whole_year], INDICATORS, SOURCES)[0].status == "exceeded"


# Rule 2: pending ------------------------------------------------------------------------

def test_a_target_without_any_result_is_pending() -> None:
    verdict = rate(record(value=6, qualifier="about"), [], GROWTH, SOURCES)
    assert (verdict.status, verdict.outcome, verdict.gap) == ("pending", None, None)


# Rules 3-8: numbers ---------------------------------------------------------------------

@pytest.mark.parametrize(("result", "expected"), [(130_000, "met"), (150_000, "exceeded"),
                                                  (120_000, "missed")])
def test_exact_targets(result: float, expected: str) -> None:
    goal = record(indicator=NEW_STATIONS, value=130_000)
    assert status(goal, outcome(result, indicator=NEW_STATIONS)) == expected


@pytest.mark.parametrize(("result", "expected"), [(6.2, "met"), (5.7, "met"), (6.3, "met"),
                                                  (6.5, "exceeded"), (5.6, "missed")])
def test_about_targets_allow_the_indicators_tolerance(result: float, expected: str) -> None:
    assert status(record(value=6, qualifier="about"), outcome(result)) == expected


@pytest.mark.parametrize(("result", "expected"), [(610_000, "met"), (630_000, "met"),
                                                  (654_000, "exceeded"), (580_000, "missed")])
def test_floors(result: float, expected: str) -> None:
    goal = record(indicator=NEW_STATIONS, value=600_000, qualifier="at_least")
    assert status(goal, outcome(result, indicator=NEW_STATIONS)) == expected


@pytest.mark.parametrize(("result", "expected"), [(5.4, "met"), (5.5, "met"),
                                                  (5.0, "exceeded"), (5.6, "missed")])
def test_ceilings_on_lower_is_better_indicators(result: float, expected: str) -> None:
    goal = record(indicator=UNEMPLOYMENT, value=5.5, qualifier="at_most")
    assert status(goal, outcome(result, indicator=UNEMPLOYMENT)) == expected


@pytest.mark.parametrize(("result", "expected", "gap"), [
    (5.7, "met", 0.0), (5.5, "met", 0.0), (6.0, "met", 0.0),
    (6.3, "exceeded", 0.3), (5.2, "missed", -0.3)])
def test_ranges_and_their_gap_to_the_nearest_end(result: float, expected: str,
                                                 gap: float) -> None:
    goal = record(qualifier="range", low=5.5, high=6)
    verdict = rate(goal, [outcome(result)], GROWTH, SOURCES)
    assert verdict.status == expected
    assert verdict.gap == pytest.approx(gap)


@pytest.mark.parametrize(("result", "expected"), [(-4, "met"), (-4.5, "exceeded"),
                                                  (-3.5, "missed")])
def test_lower_is_better_mirrors_the_rules(result: float, expected: str) -> None:
    goal = record(indicator=ENERGY, value=-4)
    assert status(goal, outcome(result, indicator=ENERGY)) == expected


def test_a_cut_of_at_least_four_percent_is_a_ceiling_on_the_change() -> None:
    goal = record(indicator=ENERGY, value=-3.4, qualifier="at_most")
    assert status(goal, outcome(-3.7, indicator=ENERGY)) == "met"
    assert status(goal, outcome(-4.0, indicator=ENERGY)) == "exceeded"
    assert status(goal, outcome(-3.0, indicator=ENERGY)) == "missed"


def test_default_tolerance_is_five_percent_of_the_target() -> None:
    assert tolerance(NEW_STATIONS, 600_000) == pytest.approx(30_000)
    assert tolerance(GROWTH, 6) == 0.3


def test_judge_is_exact_at_the_edges() -> None:
    goal = record(value=6, qualifier="about").entry
    assert judge(6.3, goal, GROWTH) == "met"
    assert judge(6.3000001, goal, GROWTH) == "exceeded"
    assert judge(5.7, goal, GROWTH) == "met"


# Rule 9: milestones -------------------------------------------------------------------------

@pytest.mark.parametrize(("achieved", "expected"), [(True, "met"), (False, "missed")])
def test_milestones(achieved: bool, expected: str) -> None:
    goal = record(indicator=CITIES, period="2020")
    done = record(role="outcome", indicator=CITIES, period="2020", source="jan",
                  achieved=achieved)
    verdict = rate(goal, [done], CITIES, SOURCES)
    assert verdict.status == expected
    assert verdict.gap is None


# Rule 10: bounds ---------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "qualifier", "expected"), [
    (650_000, "at_least", "exceeded"), (600_000, "at_least", "met"),
    (500_000, "at_least", "unratable"), (500_000, "at_most", "missed"),
    (700_000, "at_most", "unratable")])
def test_results_given_as_bounds(value: float, qualifier: str, expected: str) -> None:
    goal = record(indicator=NEW_STATIONS, value=600_000, qualifier="at_least").entry
    result = outcome(value, indicator=NEW_STATIONS, qualifier=qualifier).entry
    assert compare(goal, result, NEW_STATIONS) == expected


# Rule 11: estimate vs final ---------------------------------------------------------------

def test_the_final_figure_decides_and_the_estimate_is_kept() -> None:
    goal = record(indicator=TOTAL_STATIONS, value=130_000)
    estimate = outcome(126_000, indicator=TOTAL_STATIONS, source="dec", estimate=True)
    final = outcome(130_000, indicator=TOTAL_STATIONS, source="jan", qualifier="at_least")
    verdict = rate(goal, [final, estimate], TOTAL_STATIONS, SOURCES)
    assert verdict.status == "met"
    assert verdict.outcome is final
    assert verdict.basis == "final"
    assert verdict.revised is True
    assert verdict.outcomes == (estimate, final)


def test_with_estimates_only_the_latest_estimate_decides() -> None:
    goal = record(value=6, qualifier="about")
    early = outcome(5.6, source="dec", estimate=True, qualifier="about")
    verdict = rate(goal, [early], GROWTH, SOURCES)
    assert (verdict.status, verdict.basis, verdict.revised) == ("missed", "estimate", False)
    assert "estimate only" in verdict.reason


# Rule 12: disagreement ---------------------------------------------------------------------

def test_disagreeing_sources_are_flagged_and_the_latest_decides() -> None:
    goal = record(value=6, qualifier="about")
    first = outcome(5.6, source="jan")
    later = outcome(6.1, source="feb", index=1)
    verdict = rate(goal, [later, first], GROWTH, SOURCES)
    assert verdict.disagreement is True
    assert verdict.outcome is later
    assert verdict.status == "met"
    assert set(verdict.outcomes) == {first, later}


def test_unreliable_sources_are_set_aside_but_kept() -> None:
    goal = record(value=6, qualifier="about")
    official = outcome(6.0, source="jan")
    spun = outcome(9.0, source="mirror")
    verdict = rate(goal, [official, spun], GROWTH, SOURCES)
    assert verdict.outcome is official
    assert verdict.disagreement is True
    assert spun in verdict.outcomes
    assert "unreliable" in verdict.reason


def test_agreeing_sources_are_not_a_disagreement() -> None:
    goal = record(value=6, qualifier="about")
    verdict = rate(goal, [outcome(6.0, source="jan"), outcome(6.0, source="feb")], GROWTH,
                   SOURCES)
    assert verdict.disagreement is False


# Rule 13: gap, and commitments --------------------------------------------------------------

def test_gap_is_result_minus_target_in_the_unit_and_relative() -> None:
    goal = record(indicator=NEW_STATIONS, value=600_000, qualifier="at_least")
    verdict = rate(goal, [outcome(654_000, indicator=NEW_STATIONS)], NEW_STATIONS, SOURCES)
    assert verdict.gap == 54_000
    assert verdict.relative_gap == pytest.approx(0.09)


def test_commitments_and_outcomes_get_no_verdict() -> None:
    commitment = record(role="commitment", indicator=CITIES, period="2020")
    done = record(role="outcome", indicator=CITIES, period="2020", source="jan", achieved=True)
    assert rate_all([commitment, done], INDICATORS, SOURCES) == []
