"""Rules that need more than one field or more than one file.

Each check takes an entry (already type-checked by :mod:`pipeline.models`) and returns
problems; none raises. ``at`` builds a located problem for a field of the entry.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from datetime import date

from pipeline.indicator_rank import IndicatorRanker, suggestion_text
from pipeline.models import Entry, Indicator, Source
from pipeline.numbers import find_figures
from pipeline.periods import PERIOD_FORMATS, Period, PeriodError, parse_period
from pipeline.problems import Problem, show
from pipeline.suggest import did_you_mean
from pipeline.units import UNITS

At = Callable[..., Problem]  # at(field, message, hint="", code="...") -> Problem
QUALIFIERS_WITH_VALUE = ("exact", "about", "at_least", "at_most")


def check_draft(entry: Entry, at: At) -> list[Problem]:
    """A draft (from 'goalpost extract') counts only once an analyst has confirmed it."""
    if not entry.draft:
        return []
    return [at("draft", "draft entry to confirm",
               "check it against the source, fix what is wrong, then delete 'draft: true'",
               code="draft")]


TARGET_ONLY = ("goal", "limit", "searched", "restatement", "two_sided")
OUTCOME_ONLY = ("covers", "judgement", "set_aside", "short_of")


def check_role_fields(entry: Entry, indicators: Mapping[str, Indicator],
                      at: At) -> list[Problem]:
    """Goal, limit and search notes belong to targets; completion claims and official
    judgements to outcomes; a claim covers indicators that exist."""
    problems = []
    this = f"this is {'an' if entry.role == 'outcome' else 'a'} {entry.role}"
    for name in TARGET_ONLY if entry.role != "target" else ():
        if getattr(entry, name) not in (None, False):
            problems.append(at(name, f"only a target has {name!r}, {this}",
                               "move it to the target it belongs to, or remove it",
                               code="field_not_for_role"))
    for name in OUTCOME_ONLY if entry.role != "outcome" else ():
        if getattr(entry, name) is not None:
            problems.append(at(name, f"only an outcome has {name!r}, {this}",
                               "official claims and judgements are results: put them on an "
                               "outcome entry", code="field_not_for_role"))
    for position, covered in enumerate(entry.covers or ()):
        if covered not in indicators:
            problems.append(at("covers", f"covers[{position}]: unknown indicator "
                               f"{show(covered)}", did_you_mean(covered, indicators)
                               or "list the indicator ids of the goals the statement covers",
                               code="unknown_indicator"))
    return problems


def check_shape(entry: Entry, at: At) -> list[Problem]:
    """Value, range and milestone fields must fit the qualifier, unit and role."""
    if entry.role == "commitment" and entry.unit != "milestone":
        return [at("unit", "a qualitative commitment has no figure, so its indicator must be "
                   f"a milestone, got unit {entry.unit!r}",
                   "use a milestone indicator, or make it a target with a value",
                   code="commitment_unit")]
    if entry.unit == "milestone":
        return _milestone_shape(entry, at)
    problems = []
    if entry.achieved is not None:
        problems.append(at("achieved", "only milestone entries say 'achieved'",
                           "give the figure in 'value:' instead", code="achieved_not_allowed"))
    if entry.qualifier == "range":
        for name in ("low", "high"):
            if getattr(entry, name) is None:
                problems.append(at(name, "required when qualifier is 'range'",
                                   "write the range as 'low:' and 'high:'", code="missing"))
        if entry.value is not None:
            problems.append(at("value", "a range has 'low:' and 'high:', not 'value:'",
                               "remove 'value:' or use another qualifier", code="value_in_range"))
        if entry.low is not None and entry.high is not None and entry.low >= entry.high:
            problems.append(at("high", f"range must rise: low {entry.low:g} >= high "
                               f"{entry.high:g}", "swap the two numbers", code="range_order"))
        return problems
    if entry.short_of is not None and entry.qualifier != "at_most":
        problems.append(at("short_of", "'short_of' keeps an 'at_most' figure below its bound, "
                           f"this one is {entry.qualifier!r}",
                           "use 'qualifier: at_most' (接近50%: under 50%), or remove 'short_of'",
                           code="short_of_qualifier"))
    if entry.value is None:
        problems.append(at("value", f"required when qualifier is {entry.qualifier!r}",
                           "write the figure in base units, e.g. value: 126000", code="missing"))
    for name in ("low", "high"):
        if getattr(entry, name) is not None:
            problems.append(at(name, f"only a range has {name!r}",
                               "use 'qualifier: range', or give the figure as 'value:'",
                               code="range_field"))
    return problems


def _milestone_shape(entry: Entry, at: At) -> list[Problem]:
    problems = [at(name, "a milestone has no figure",
                   "state the milestone in 'quote:'/'note:'" + (
                       "; say 'achieved: true' or 'achieved: false'"
                       if entry.role == "outcome" else ""), code="milestone_value")
                for name in ("value", "low", "high") if getattr(entry, name) is not None]
    if entry.role == "outcome" and entry.achieved is None:
        problems.append(at("achieved", "required for a milestone outcome",
                           "write 'achieved: true' or 'achieved: false'", code="missing"))
    if entry.role != "outcome" and entry.achieved is not None:
        problems.append(at("achieved", "a target cannot be achieved yet",
                           "put the result in an outcome entry", code="achieved_not_allowed"))
    return problems


def check_indicator(entry: Entry, indicators: Mapping[str, Indicator],
                    aliases: Mapping[str, str], at: At) -> Indicator | Problem:
    """The indicator must exist and the entry's unit must be the indicator's unit."""
    indicator = indicators.get(entry.indicator)
    if indicator is None:
        if entry.indicator in aliases:
            hint = f"that is an alias; write 'indicator: {aliases[entry.indicator]}'"
        else:
            hint = did_you_mean(entry.indicator, indicators) or _by_quote(entry, indicators)
        return at("indicator", f"unknown indicator {show(entry.indicator)}", hint,
                  code="unknown_indicator")
    if entry.unit != indicator.unit:
        return at("unit", f"indicator {indicator.id!r} is measured in {indicator.unit!r}, "
                  f"got {entry.unit!r}", f"write the value in {UNITS[indicator.unit].en} "
                  f"and 'unit: {indicator.unit}', or pick another indicator", code="unit_mismatch")
    contradiction = {"higher": "at_most", "lower": "at_least"}[indicator.better]
    if entry.role == "target" and entry.qualifier == contradiction:
        better = "higher" if indicator.better == "higher" else "lower"
        return at("qualifier", f"{contradiction!r} contradicts indicator {indicator.id!r}, where "
                  f"{better} is better", "a cut 'by at least 4%' on a change indicator is "
                  "value: -4 with qualifier: at_most; check the sign and the qualifier",
                  code="qualifier_direction")
    return indicator


def _by_quote(entry: Entry, indicators: Mapping[str, Indicator]) -> str:
    suggestions = IndicatorRanker(indicators.values()).rank(entry.quote, entry.unit)
    if suggestions:
        return "closest by the quote: " + suggestion_text(suggestions)
    return "register it in data/indicators.yaml first"


def check_sign(entry: Entry, at: At) -> list[Problem]:
    """Counts, amounts and ratios cannot be negative; percentages (changes) can."""
    unit = UNITS[entry.unit]
    if unit.signed:
        return []
    return [at(name, f"a {unit.en} figure cannot be negative, got {getattr(entry, name):g}",
               "for a decline use a percent-change indicator", code="negative")
            for name in ("value", "low", "high")
            if getattr(entry, name) is not None and getattr(entry, name) < 0]


# The largest figure each unit can sensibly hold (about 100 times the largest real one), so
# that a typo like 1e308 base stations is caught. Units not listed: MAX_FIGURE.
MAX_FIGURE = 1e13
LIMITS = {"percent": 1e4, "yuan": 1e16, "usd": 1e15, "per_10k_people": 1e4,
          "per_100_people": 1e4, "gb_per_user_month": 1e5}


def check_magnitude(entry: Entry, at: At) -> list[Problem]:
    """No figure larger than its unit can hold (see :data:`LIMITS`)."""
    limit = LIMITS.get(entry.unit, MAX_FIGURE)
    unit = UNITS[entry.unit].en
    return [at(name, f"expected a {unit} figure of at most {limit:,.0f}, found "
               f"{getattr(entry, name):g}", "write the figure in base units (12.6万 is 126000); "
               "one this large is a typo", code="too_large")
            for name in ("value", "low", "high")
            if getattr(entry, name) is not None and abs(getattr(entry, name)) > limit]


def check_period(entry: Entry, at: At) -> Period | Problem:
    try:
        return parse_period(entry.period)
    except PeriodError as error:
        return at("period", f"expected a period, got {show(entry.period)}: {error}",
                  f"write one of {PERIOD_FORMATS}", code="period_format")


def check_source(entry: Entry, sources: Mapping[str, Source], at: At) -> Source | Problem:
    source = sources.get(entry.source)
    if source is None:
        hint = did_you_mean(entry.source, sources) or "register it in data/sources.yaml first"
        return at("source", f"unknown source {show(entry.source)}", hint, code="unknown_source")
    return source


def check_timing(entry: Entry, period: Period, source: Source, year: int,
                 at: At) -> list[Problem]:
    """What a source could have said on its publication date, and in which year file."""
    published: date = source.published
    problems = []
    if published.year != year:
        problems.append(at("source", f"source {source.id!r} was published on {published}, "
                           f"not in {year}", f"move this entry to targets/{published.year}.yaml",
                           code="wrong_year_file"))
    if entry.role != "outcome" and period.end < published and not entry.restatement:
        problems.append(at("period", f"a target for {period.text} cannot be set on {published}, "
                           "after the period ended", "is this an outcome, or a later period? "
                           "A review quoting the goal says 'restatement: true'",
                           code="period_impossible"))
    if entry.role == "outcome" and period.start > published:
        problems.append(at("period", f"an outcome for {period.text} cannot be reported on "
                           f"{published}, before the period began",
                           "is this a target, or an earlier period?", code="period_impossible"))
    elif entry.role == "outcome" and period.end > published and not entry.estimate \
            and not (entry.unit == "milestone" and entry.achieved):  # done is done
        problems.append(at("period", f"a final outcome for {period.text} cannot be reported on "
                           f"{published}, before the period ended",
                           "mark it 'estimate: true' (预计), or give the period it covers, "
                           f"e.g. {published.year}-{published.month - 1 or 1:02d}",
                           code="period_impossible"))
    return problems


TODO = re.compile(r"\bTODO\b", re.IGNORECASE)


def check_todo(entry: Entry, at: At) -> list[Problem]:
    """A note that still says TODO (extract's placeholder) is work left, not a label."""
    if not TODO.search(entry.note):
        return []
    return [at("note", f"expected an English label, found {show(entry.note)}",
               "write what the figure is in English (for a garbled source, add the standard "
               "wording) and remove the TODO", code="todo")]


# A fall (下降4%) is a negative change; a rise (增长6%) a positive one. Only the word right
# before the figure counts: in 下降幅度收窄0.5个百分点 or 降低企业成本 the figure is not the fall.
FALL = ("下降", "降低", "减少", "下调", "回落")
RISE = ("增长", "提高", "上升", "增加", "提升", "添加")
CHANGE_ID = re.compile(r"(?:^|_)(?:change|growth|increase)(?:_|$)")  # not shares or levels
_BEFORE_FIGURE = re.compile(rf"({'|'.join(FALL + RISE)})[了约近达]{{0,2}}$")


def check_direction(entry: Entry, indicator: Indicator, at: At) -> list[Problem]:
    """A change written with the wrong sign: 下降4% with ``value: 4`` reads as a rise."""
    if indicator.unit != "percent" or not CHANGE_ID.search(indicator.id):
        return []
    for name in ("value", "low", "high"):
        figure = getattr(entry, name)
        if not figure:
            continue
        word = _word_before(entry.quote, abs(figure))
        if (word in FALL and figure > 0) or (word in RISE and figure < 0):
            sign = "negative" if word in FALL else "positive"
            return [at(name, f"the quote says {word}{abs(figure):g}%, so expected a {sign} "
                       f"change, found {figure:g}", f"write {name}: {-figure:g} (a fall is "
                       "negative); a cut 'by at least' is a negative value with 'qualifier: "
                       "at_most'", code="sign_vs_quote")]
    return []


def _word_before(quote: str, size: float) -> str:
    """The fall or rise word printed right before the figure ``size`` in ``quote``."""
    for figure in find_figures(quote):
        if figure.unit == "percent" and math.isclose(figure.value, size):
            match = _BEFORE_FIGURE.search(quote[max(0, figure.start - 5):figure.start])
            if match:
                return match[1]
    return ""


def check_figure(entry: Entry, at: At) -> list[Problem]:
    """The value against the figure printed in the quote, after unit conversion: 12.6万个 is
    126000, so ``value: 12600`` is a slip of a power of ten."""
    printed = [f for f in find_figures(entry.quote) if f.unit not in ("percent", "")]
    for name in ("value", "low", "high"):
        figure = getattr(entry, name)
        if not figure or entry.unit == "percent" or not printed:
            continue
        if any(math.isclose(f.value, figure, rel_tol=1e-9) for f in printed):
            continue
        slip = next((f for f in printed if _power_of_ten_apart(f.value, figure)), None)
        if slip is not None:
            return [at(name, f"the quote says {slip.text.strip()}, which is {slip.value:.15g} "
                       f"in base units, found {figure:g}", f"write {name}: {slip.value:.15g} "
                       "(万 is 10,000, 亿 is 100,000,000)", code="figure_vs_quote")]
    return []


def _power_of_ten_apart(printed: float, written: float) -> bool:
    if printed <= 0 or written <= 0:
        return False
    ratio = math.log10(printed / written)
    return abs(ratio - round(ratio)) < 1e-9 and round(ratio) != 0
