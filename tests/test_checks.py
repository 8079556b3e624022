"""Cross-field and cross-file rules, called directly."""

from __future__ import annotations

from datetime import date

from pipeline import checks
from pipeline.models import Entry, Indicator, Source
from pipeline.periods import parse_period
from pipeline.problems import Problem


def at(field: str, message: str, hint: str = "", code: str = "invalid") -> Problem:
    return Problem("t.yaml", 1, 1, field, message, hint, code)


def make(**fields: object) -> Entry:
    base: dict[str, object] = {"role": "target", "indicator": "va", "period": "2020",
                               "value": 6, "unit": "percent", "source": "s", "quote": "q",
                               "note": "n"}
    return Entry(**(base | fields))


VA = Indicator(id="va", zh="增", en="g", unit="percent", category="industry", better="higher",
               measure="rate", aliases=["工业增加值增长"])
SOURCE = Source(id="s", title="t", publisher="p", published=date(2019, 12, 23),
                kind="work_conference")


def codes(problems: list[Problem]) -> list[str]:
    return [p.code for p in problems]


def test_shape_rules() -> None:
    assert checks.check_shape(make(), at) == []
    assert codes(checks.check_shape(make(qualifier="range"), at)) == [
        "missing", "missing", "value_in_range"]
    assert codes(checks.check_shape(make(value=None, qualifier="range", low=1, high=1), at)) == [
        "range_order"]
    assert codes(checks.check_shape(make(achieved=True), at)) == ["achieved_not_allowed"]
    assert codes(checks.check_shape(make(unit="milestone", value=None, achieved=True), at)) == [
        "achieved_not_allowed"]
    assert codes(checks.check_shape(make(role="commitment"), at)) == ["commitment_unit"]


def test_indicator_rules() -> None:
    indicators = {"va": VA}
    aliases = {"工业增加值增长": "va"}
    assert checks.check_indicator(make(), indicators, aliases, at) is VA
    unknown = checks.check_indicator(make(indicator="v"), indicators, aliases, at)
    assert isinstance(unknown, Problem) and unknown.code == "unknown_indicator"
    alias = checks.check_indicator(make(indicator="工业增加值增长"), indicators, aliases, at)
    assert isinstance(alias, Problem) and "indicator: va" in alias.hint
    ceiling = checks.check_indicator(make(qualifier="at_most"), indicators, aliases, at)
    assert isinstance(ceiling, Problem) and ceiling.code == "qualifier_direction"
    reported = checks.check_indicator(make(role="outcome", qualifier="at_most"), indicators,
                                      aliases, at)
    assert reported is VA  # an outcome may be a bound in either direction


def test_timing_rules() -> None:
    def timing(role: str, period: str, year: int = 2019, estimate: bool = False) -> list[str]:
        entry = make(role=role, period=period, estimate=estimate)
        return codes(checks.check_timing(entry, parse_period(period), SOURCE, year, at))

    assert timing("target", "2020") == []
    assert timing("target", "2019") == []  # the year is not over on 23 December
    assert timing("target", "2018") == ["period_impossible"]
    assert timing("outcome", "2019-11") == []
    assert timing("outcome", "2019") == ["period_impossible"]
    assert timing("outcome", "2019", estimate=True) == []
    assert timing("outcome", "2020", estimate=True) == ["period_impossible"]
    assert timing("target", "2020", year=2020) == ["wrong_year_file"]
    done = make(role="outcome", unit="milestone", value=None, achieved=True)
    assert checks.check_timing(done, parse_period("2019"), SOURCE, 2019, at) == []


def test_sign_rules() -> None:
    assert checks.check_sign(make(value=-4), at) == []
    assert codes(checks.check_sign(make(unit="count", value=-1), at)) == ["negative"]


def test_goal_fields_belong_to_their_role() -> None:
    indicators = {"va": VA}
    assert checks.check_role_fields(make(goal="va:2020:6", limit="以内", searched="x"),
                                    indicators, at) == []
    wrong = checks.check_role_fields(make(role="outcome", limit="以内", covers=["vaa"],
                                          judgement="完成"), indicators, at)
    assert [(p.field, p.message, p.hint) for p in wrong] == [
        ("limit", "only a target has 'limit', this is an outcome",
         "move it to the target it belongs to, or remove it"),
        ("covers", "covers[0]: unknown indicator 'vaa'", "did you mean 'va'?")]
    assert [p.message for p in checks.check_role_fields(
        make(judgement="完成"), indicators, at)] == [
        "only an outcome has 'judgement', this is a target"]


def test_a_review_may_restate_a_goal_after_its_period() -> None:
    late = make(period="2018")
    assert codes(checks.check_timing(late, parse_period("2018"), SOURCE, 2019, at)) == [
        "period_impossible"]
    restated = make(period="2018", restatement=True)
    assert checks.check_timing(restated, parse_period("2018"), SOURCE, 2019, at) == []
    assert [p.field for p in checks.check_role_fields(
        make(role="outcome", restatement=True), {"va": VA}, at)] == ["restatement"]
