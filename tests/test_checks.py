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
    short = checks.check_shape(make(role="outcome", short_of="接近50%"), at)
    assert [(p.field, p.message, p.hint) for p in short] == [(
        "short_of", "'short_of' keeps an 'at_most' figure below its bound, this one is 'exact'",
        "use 'qualifier: at_most' (接近50%: under 50%), or remove 'short_of'")]
    assert checks.check_shape(make(role="outcome", qualifier="at_most", short_of="接近"), at) == []


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
    assert [p.message for p in checks.check_role_fields(
        make(set_aside="a misprint"), indicators, at)] == [
        "only an outcome has 'set_aside', this is a target"]
    assert [p.message for p in checks.check_role_fields(
        make(short_of="接近50%"), indicators, at)] == [
        "only an outcome has 'short_of', this is a target"]


def test_a_review_may_restate_a_goal_after_its_period() -> None:
    late = make(period="2018")
    assert codes(checks.check_timing(late, parse_period("2018"), SOURCE, 2019, at)) == [
        "period_impossible"]
    restated = make(period="2018", restatement=True)
    assert checks.check_timing(restated, parse_period("2018"), SOURCE, 2019, at) == []
    assert [p.field for p in checks.check_role_fields(
        make(role="outcome", restatement=True), {"va": VA}, at)] == ["restatement"]


CHANGE = Indicator(id="energy_intensity_change", zh="能耗变化", en="c", unit="percent",
                   category="environment", better="lower", measure="rate")
SHARE = Indicator(id="mfg_share_of_gdp", zh="占比", en="s", unit="percent", category="industry",
                  better="higher", measure="rate")


def said(problems: list[Problem]) -> list[str]:
    return [p.format() for p in problems]


def test_a_fall_in_the_quote_with_a_positive_value_is_a_sign_error() -> None:
    cut = make(indicator=CHANGE.id, value=4, quote="单位工业增加值能耗下降4%左右")
    assert said(checks.check_direction(cut, CHANGE, at)) == [
        "t.yaml:1:1: value: the quote says 下降4%, so expected a negative change, found 4 "
        "(hint: write value: -4 (a fall is negative); a cut 'by at least' is a negative value "
        "with 'qualifier: at_most')"]
    assert checks.check_direction(make(indicator=CHANGE.id, value=-4, quote=cut.quote),
                                  CHANGE, at) == []


def test_a_rise_in_the_quote_with_a_negative_value_is_a_sign_error() -> None:
    rise = make(value=-6, quote="工业增加值增长6%左右")
    growth = VA.model_copy(update={"id": "industrial_va_growth"})
    assert said(checks.check_direction(rise, growth, at)) == [
        "t.yaml:1:1: value: the quote says 增长6%, so expected a positive change, found -6 "
        "(hint: write value: 6 (a fall is negative); a cut 'by at least' is a negative value "
        "with 'qualifier: at_most')"]


def test_a_range_with_the_wrong_sign_is_caught_at_its_end() -> None:
    cut = make(indicator=CHANGE.id, value=None, qualifier="range", low=3, high=4,
               quote="能耗下降3%至4%")
    assert codes(checks.check_direction(cut, CHANGE, at)) == ["sign_vs_quote"]


def test_a_fall_word_that_is_not_the_figures_fall_is_left_alone() -> None:
    for quote in ("能耗下降幅度收窄0.5个百分点", "降低企业成本5%以上", "制造业比重提高到27.4%",
                  "占比下降到3%"):
        entry = make(indicator=CHANGE.id, value=0.5 if "收窄" in quote else 5 if "成本" in quote
                     else 27.4 if "27.4" in quote else 3, quote=quote)
        assert checks.check_direction(entry, CHANGE, at) == [], quote


def test_a_share_or_level_is_not_a_change() -> None:
    entry = make(indicator=SHARE.id, value=27.4, quote="制造业增加值占比下降27.4%")
    assert checks.check_direction(entry, SHARE, at) == []


def test_a_figure_a_power_of_ten_away_from_the_quote() -> None:
    slip = make(indicator="n", unit="count", value=12600, quote="全国注册5G基站12.6万个")
    assert said(checks.check_figure(slip, at)) == [
        "t.yaml:1:1: value: the quote says 12.6万个, which is 126000 in base units, found 12600 "
        "(hint: write value: 126000 (万 is 10,000, 亿 is 100,000,000))"]
    right = make(indicator="n", unit="count", value=126000, quote=slip.quote)
    assert checks.check_figure(right, at) == []


def test_a_figure_the_quote_does_not_print_is_not_judged() -> None:
    derived = make(indicator="n", unit="count", value=130000, quote="新建5G基站超过60万个")
    assert checks.check_figure(derived, at) == []
    percent = make(value=0.6, quote="增长6%")
    assert checks.check_figure(percent, at) == []


def test_a_todo_note_is_work_left() -> None:
    todo = make(note="TODO: an English label for this figure")
    assert said(checks.check_todo(todo, at)) == [
        "t.yaml:1:1: note: expected an English label, found 'TODO: an English label for this "
        "figure' (hint: write what the figure is in English (for a garbled source, add the "
        "standard wording) and remove the TODO)"]
    assert checks.check_todo(make(note="Todo list of the ministry"), at) != []
    assert checks.check_todo(make(note="Mastodon users"), at) == []


def test_timing_rules_name_the_date_and_the_period() -> None:
    late = make(period="2018")
    assert said(checks.check_timing(late, parse_period("2018"), SOURCE, 2019, at)) == [
        "t.yaml:1:1: period: a target for 2018 cannot be set on 2019-12-23, after the period "
        "ended (hint: is this an outcome, or a later period? A review quoting the goal says "
        "'restatement: true')"]
    early = make(role="outcome", period="2020")
    assert said(checks.check_timing(early, parse_period("2020"), SOURCE, 2019, at)) == [
        "t.yaml:1:1: period: an outcome for 2020 cannot be reported on 2019-12-23, before the "
        "period began (hint: is this a target, or an earlier period?)"]
