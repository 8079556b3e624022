"""Rate each goal against the results reported for its indicator and period.

The rules, with an example each, are in ``docs/status-rules.md``; the functions here are
their only implementation. A verdict is one per goal (:mod:`pipeline.goals`), never one per
statement of it.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from pipeline.bands import acceptable, band_words, compare, dec, limit_wording
from pipeline.derived import derive_flow
from pipeline.evidence import Evidence, evidence_of, judgement_status, weakest
from pipeline.goals import Goal, goal_id, group_goals
from pipeline.models import Entry, Indicator, Source
from pipeline.periods import Period, parse_period
from pipeline.precision import conflict
from pipeline.progress import Progress, progress
from pipeline.records import Record

Status = Literal["met", "exceeded", "missed", "claimed", "unratable", "no_result", "not_due"]
STATUSES: tuple[Status, ...] = ("met", "exceeded", "missed", "claimed", "unratable",
                                "no_result", "not_due")
RATED: tuple[Status, ...] = ("met", "exceeded", "missed")
DUE: tuple[Status, ...] = ("met", "exceeded", "missed", "claimed", "unratable", "no_result")
SeriesKey = tuple[str, str]  # indicator, scope


@dataclass(frozen=True, slots=True)
class Verdict:
    """A goal's status, the result that decided it, and everything considered."""

    goal: Goal
    status: Status
    outcome: Record | None
    outcomes: tuple[Record, ...]
    gap: float | None
    reason: str
    disagreement: bool = False
    revised: bool = False
    early: date | None = None
    derived_from: tuple[Record, Record] | None = None
    progress: Progress = ""
    progress_basis: str = ""
    claim: Record | None = None
    evidence: Evidence | Literal[""] = ""
    judgement: Record | None = None
    band: str = ""
    is_limit: bool = False

    @property
    def target(self) -> Record:
        """The goal's earliest statement: the one it is rated by."""
        return self.goal.target

    @property
    def basis(self) -> str:
        """``final`` or ``estimate``: what kind of figure decided the verdict."""
        if self.outcome is None:
            return ""
        return "estimate" if self.outcome.entry.estimate else "final"

    @property
    def derived(self) -> bool:
        return self.derived_from is not None

    @property
    def records(self) -> tuple[Record, ...]:
        """The printed records behind the verdict: the results considered (for a derived
        result, the two levels it came from) and the completion claim covering the goal."""
        results = self.derived_from if self.derived_from is not None else self.outcomes
        return (*results, *((self.claim,) if self.claim is not None else ()))

    @property
    def weak_evidence(self) -> bool:
        """The verdict rests only on sources the registry marks unreliable."""
        return self.evidence == "unreliable"

    @property
    def official_judgement(self) -> str:
        return self.judgement.entry.judgement or "" if self.judgement else ""

    @property
    def judgement_differs(self) -> bool:
        """The official judgement and goalpost's verdict say different things: one says
        missed and the other does not; or, for a figure judged on its own (not a limit, a
        milestone or a whole package's claim), the review says beaten where we say met."""
        official = judgement_status(self.official_judgement)
        if not official or self.status not in RATED:
            return False
        if (official == "missed") != (self.status == "missed"):
            return True
        in_degree = (self.judgement is not self.claim and not self.is_limit
                     and self.target.entry.unit != "milestone")
        return in_degree and official == "exceeded" and self.status == "met"

    @property
    def search_note(self) -> str:
        """The goal's note of a search for a result, where no figure settles it."""
        return self.goal.search_note if self.status in ("no_result", "claimed",
                                                        "unratable") else ""

    @property
    def relative_gap(self) -> float | None:
        reference = reference_value(self.target.entry)
        if self.gap is None or reference in (None, 0):
            return None
        return self.gap / abs(reference)


def period_key(period: Period, indicator: Indicator) -> tuple[date, ...]:
    """Periods that pair: a stock is read at the period's end; a flow needs the same span."""
    if indicator.measure == "stock":
        return (period.end,)
    return (period.start, period.end)


def result_due(period: Period, indicator: Indicator) -> date:
    """The last day of the month in which the period's result is due (its lag after the end)."""
    months = period.end.year * 12 + period.end.month - 1 + indicator.result_lag_months
    year, month = divmod(months, 12)
    return date(year, month + 1, calendar.monthrange(year, month + 1)[1])


def reference_value(entry: Entry) -> float | None:
    """The single figure a target or outcome is summarised by (a range's midpoint)."""
    if entry.value is not None:
        return entry.value
    if entry.low is not None and entry.high is not None:
        return float((dec(entry.low) + dec(entry.high)) / 2)  # 4.95, not 4.949999…
    return None


def acceptable_band(target: Entry, indicator: Indicator) -> tuple[float, float] | None:
    """The interval of results that count as met, for charts; ``None`` for milestones."""
    if indicator.unit == "milestone":
        return None
    low, high = acceptable(target, indicator)
    return float(low), float(high)


def gap(target: Entry, outcome: Entry) -> float | None:
    """Result minus target, in the indicator's unit, in decimal; 0 inside a target range."""
    result = reference_value(outcome)
    if result is None:
        return None
    if target.qualifier == "range":
        assert target.low is not None and target.high is not None
        if result < target.low:
            return float(dec(result) - dec(target.low))
        if result > target.high:
            return float(dec(result) - dec(target.high))
        return 0.0
    if target.value is None:
        return None
    difference = float(dec(result) - dec(target.value))
    return None if outcome.short_of and difference == 0 else difference  # "under 50%": by how much?


@dataclass
class Outcomes:
    """Every outcome, indexed the ways goals look them up."""

    by_key: dict[tuple[str, str, tuple[date, ...]], list[Record]]
    by_series: dict[SeriesKey, list[Record]]
    claims: list[Record]

    @classmethod
    def index(cls, records: Iterable[Record], indicators: Mapping[str, Indicator]) -> Outcomes:
        by_key: dict[tuple[str, str, tuple[date, ...]], list[Record]] = defaultdict(list)
        by_series: dict[SeriesKey, list[Record]] = defaultdict(list)
        claims = []
        for record in records:
            if record.entry.role != "outcome":
                continue
            indicator = indicators[record.entry.indicator]
            by_key[(indicator.id, record.scope, period_key(record.period, indicator))].append(
                record)
            by_series[(indicator.id, record.scope)].append(record)
            if record.entry.covers:
                claims.append(record)
        return cls(by_key, by_series, claims)

    def at(self, indicator: Indicator, scope: str, period: Period) -> list[Record]:
        return self.by_key.get((indicator.id, scope, period_key(period, indicator)), [])

    def stock_at(self, indicator_id: str, scope: str, day: date) -> list[Record]:
        return self.by_key.get((indicator_id, scope, (day,)), [])

    def interim(self, indicator: Indicator, scope: str, period: Period) -> list[Record]:
        """Figures from before the period's end: a stock's earlier levels; a flow's or
        rate's year-to-date figures (same start, earlier end)."""
        series = self.by_series.get((indicator.id, scope), [])
        if indicator.measure == "stock":
            return [o for o in series if o.period.end < period.end]
        return [o for o in series if o.period.start == period.start and o.period.end < period.end]

    def claim_for(self, target: Record) -> Record | None:
        """The latest official statement that covers this goal's indicator and period."""
        covering = [c for c in self.claims if c.scope == target.scope
                    and target.entry.indicator in (c.entry.covers or ())
                    and c.period.start <= target.period.start
                    and target.period.end <= c.period.end]
        return covering[-1] if covering else None


@dataclass(frozen=True, slots=True)
class _Decision:
    status: Status
    decider: Record
    pool: list[Record]
    finals: list[Record]
    trusted: list[Record]
    candidates: tuple[Record, ...]


def _by_publication(outcomes: Iterable[Record], sources: Mapping[str, Source]) -> list[Record]:
    return sorted(outcomes, key=lambda o: (sources[o.entry.source].published, o.file, o.index))


def _preferred(candidates: list[Record], sources: Mapping[str, Source]) -> tuple[
        list[Record], list[Record], list[Record]]:
    """Finals over estimates, then reliable sources over unreliable ones and figures not set
    aside (``set_aside:``) over those that are."""
    finals = [o for o in candidates if not o.entry.estimate]
    pool = finals or list(candidates)
    trusted = [o for o in pool if sources[o.entry.source].reliability != "unreliable"
               and not o.entry.set_aside] or pool
    return finals, pool, trusted


def best_figure(outcomes: Iterable[Record], sources: Mapping[str, Source]) -> Record | None:
    """The figure a series is read at: final, reliable, latest published."""
    ordered = _by_publication(outcomes, sources)
    return _preferred(ordered, sources)[2][-1] if ordered else None


def _decide(target: Entry, outcomes: Iterable[Record], indicator: Indicator,
            sources: Mapping[str, Source]) -> _Decision | None:
    candidates = tuple(_by_publication(outcomes, sources))
    if not candidates:
        return None
    finals, pool, trusted = _preferred(list(candidates), sources)
    judged = [(o, compare(target, o.entry, indicator)) for o in trusted]
    ratable = [(o, status) for o, status in judged if status != "unratable"] or judged
    decider, status = ratable[-1]  # the latest published among the preferred figures
    return _Decision(status, decider, pool, finals, trusted, candidates)  # type: ignore[arg-type]


def _disagree(records: list[Record]) -> bool:
    return any(conflict(a.entry, b.entry) for i, a in enumerate(records) for b in records[i + 1:])


def _reason_parts(decision: _Decision) -> list[str]:
    parts = ["final figure" if decision.finals else "estimate only (no final figure yet)"]
    left_out = [o for o in decision.pool if o not in decision.trusted]
    set_aside = [o.entry.set_aside for o in left_out if o.entry.set_aside]
    if set_aside:
        parts.append(f"{len(set_aside)} set aside: " + "; ".join(dict.fromkeys(set_aside)))
    if len(set_aside) < len(left_out):
        parts.append("unreliable sources set aside")
    weighed = len(decision.trusted) if set_aside else len(decision.pool)
    if weighed > 1:
        parts.append(f"latest of {weighed} sources")
    if decision.status == "unratable":
        parts.append("the reported bound cannot settle the goal")
    return parts


class _Rater:
    """Rates goals against one indexed set of outcomes, as of one day."""

    def __init__(self, outcomes: Outcomes, indicators: Mapping[str, Indicator],
                 sources: Mapping[str, Source], today: date) -> None:
        self.outcomes, self.indicators, self.sources, self.today = (outcomes, indicators,
                                                                     sources, today)

    def rate(self, goal: Goal) -> Verdict:
        target = goal.target
        indicator = self.indicators[target.entry.indicator]
        band = band_words(target.entry, indicator)
        direct = self.outcomes.at(indicator, target.scope, target.period)
        decision = _decide(target.entry, direct, indicator, self.sources)
        early = None if decision and decision.status != "unratable" else \
            self._early(goal, indicator)
        if early is not None:
            return early
        if decision is not None:
            return self._from_decision(goal, decision, indicator, band)
        if derived := self._derived(goal, indicator, band):
            return derived
        if held := self._each_year(goal, indicator, band):
            return held
        return self._without_result(goal, indicator, band)

    def _from_decision(self, goal: Goal, decision: _Decision, indicator: Indicator,
                       band: str, **extra: object) -> Verdict:
        target, decider = goal.target.entry, decision.decider
        revised = bool(decision.finals) and len(decision.finals) < len(decision.candidates) \
            and any(conflict(o.entry, decider.entry) for o in decision.candidates
                    if o.entry.estimate)
        parts = _reason_parts(decision)
        if decider.entry.short_of:
            parts.append(f"the result stays under its figure ({decider.entry.short_of})")
        claim = self.outcomes.claim_for(goal.target)
        derived_from = extra.get("derived_from")
        sides = list(derived_from) if isinstance(derived_from, tuple) else [decider]
        if isinstance(derived_from, tuple):
            parts.insert(0, f"derived: {sides[0].period.text} level − {sides[1].period.text} "
                            "level")
        return Verdict(
            goal, decision.status, decider, decision.candidates, gap(target, decider.entry),
            "; ".join([*parts, band]), _disagree(decision.pool), revised,
            is_limit=limit_wording(target, indicator) is not None,
            evidence=weakest([self.sources[s.entry.source] for s in sides]),
            judgement=self._judgement([*decision.candidates, *([claim] if claim else [])]),
            band=band, claim=claim, **extra)  # type: ignore[arg-type]

    def _derived(self, goal: Goal, indicator: Indicator, band: str) -> Verdict | None:
        """A flow from the year-end levels of its stock, when no figure of it is printed."""
        target = goal.target
        if not indicator.flow_of or indicator.flow_of not in self.indicators:
            return None
        stock, scope = indicator.flow_of, target.scope
        end = best_figure(self.outcomes.stock_at(stock, scope, target.period.end), self.sources)
        start = best_figure(self.outcomes.stock_at(
            stock, scope, target.period.start - timedelta(days=1)), self.sources)
        if end is None or start is None:
            return None
        result = derive_flow(end, start, indicator, target.period)
        if result is None:
            return None
        decision = _decide(target.entry, [result], indicator, self.sources)
        assert decision is not None
        return self._from_decision(goal, decision, indicator, band, derived_from=(end, start))

    def _each_year(self, goal: Goal, indicator: Indicator, band: str) -> Verdict | None:
        """A limit on a rate over a span of years (``each_year:``), with no figure for the
        span: every year's figure is held to it. A year past the limit is a miss even before
        the span ends; once every year is in, the worst year decides."""
        target = goal.target
        span = target.period
        if not indicator.each_year or span.start.year == span.end.year \
                or target.entry.qualifier not in ("at_most", "at_least"):
            return None
        years = [_decide(target.entry, self.outcomes.at(indicator, target.scope,
                                                        parse_period(str(year))),
                         indicator, self.sources)
                 for year in range(span.start.year, span.end.year + 1)]
        decided = [d for d in years if d is not None and d.status != "unratable"]
        missed = [d for d in decided if d.status == "missed"]
        if not missed and len(decided) < len(years):
            return None
        sign = 1 if indicator.better == "lower" else -1
        worst = max(missed or decided,
                    key=lambda d: sign * (reference_value(d.decider.entry) or 0))
        verdict = self._from_decision(goal, worst, indicator, band)
        unit = "%" if indicator.unit == "percent" else f" {indicator.unit}"
        figures = ", ".join(f"{d.decider.period.text} {reference_value(d.decider.entry):g}{unit}"
                            for d in decided)
        scope = "a year past the limit" if missed else "every year within it"
        return replace(
            verdict, outcomes=tuple(o for d in decided for o in d.candidates),
            reason=f"each year of {span.text} held to the limit, {scope}: "
                   f"{worst.decider.period.text} decides ({figures}); {verdict.reason}")

    def _early(self, goal: Goal, indicator: Indicator) -> Verdict | None:
        """A floor on a level that only grows is settled once an interim figure passes it."""
        target = goal.target
        if not indicator.grows_only or indicator.better != "higher":
            return None
        interim = self.outcomes.interim(indicator, target.scope, target.period)
        passing = [o for o in interim if compare(target.entry, o.entry, indicator)
                   in ("met", "exceeded")]
        if not passing:
            return None
        first = min(o.period.end for o in passing)
        latest = max(o.period.end for o in passing)
        band = band_words(target.entry, indicator)
        decision = _decide(target.entry, [o for o in passing if o.period.end == latest],
                           indicator, self.sources)
        assert decision is not None
        verdict = self._from_decision(goal, decision, indicator, band, early=first)
        reason = (f"early: passed by {first.isoformat()[:7]}, before the "
                  f"{target.period.text} deadline (a level that only grows); {verdict.reason}")
        return replace(verdict, reason=reason)

    def _without_result(self, goal: Goal, indicator: Indicator, band: str) -> Verdict:
        target = goal.target
        claim = self.outcomes.claim_for(target)
        if claim is not None:
            source = self.sources[claim.entry.source]
            return Verdict(goal, "claimed", None, (), None,
                           f"an official statement reports the task done, with no figure "
                           f"({claim.entry.quote}); {band}", claim=claim,
                           evidence=evidence_of(source), judgement=claim if
                           claim.entry.judgement else None, band=band)
        due = result_due(target.period, indicator)
        if due >= self.today:
            state, basis = self._progress(target, indicator)
            return Verdict(goal, "not_due", None, (), None,
                           f"result due by {due.isoformat()[:7]}; {band}", progress=state,
                           progress_basis=basis, band=band)
        searched = goal.search_note
        return Verdict(goal, "no_result", None, (), None,
                       f"due by {due.isoformat()[:7]}, no result recorded"
                       + (f" ({searched})" if searched else "") + f"; {band}", band=band)

    def _progress(self, target: Record, indicator: Indicator) -> tuple[Progress, str]:
        interim = self.outcomes.interim(indicator, target.scope, target.period)
        interim = [o for o in interim if o.period.end >= target.period.start
                   and o.entry.unit != "milestone"]
        if not interim:
            return "", ""
        latest_end = max(o.period.end for o in interim)
        latest = best_figure([o for o in interim if o.period.end == latest_end], self.sources)
        assert latest is not None
        baseline = best_figure(self.outcomes.stock_at(
            indicator.id, target.scope, target.period.start - timedelta(days=1)), self.sources)
        return progress(target.entry, target.period, indicator, latest, baseline)

    def _judgement(self, considered: Iterable[Record]) -> Record | None:
        judged = [o for o in considered if o.entry.judgement]
        return _by_publication(judged, self.sources)[-1] if judged else None


def rate(goal: Goal | Record, outcomes: Iterable[Record], indicators: Mapping[str, Indicator],
         sources: Mapping[str, Source], today: date | None = None) -> Verdict:
    """Rate one goal (or a single target record) against a set of outcomes of any indicator
    and period."""
    if isinstance(goal, Record):
        goal = Goal(goal_id(goal), (goal,))
    index = Outcomes.index(outcomes, indicators)
    return _Rater(index, indicators, sources, today or date.today()).rate(goal)


def rate_all(records: Iterable[Record], indicators: Mapping[str, Indicator],
             sources: Mapping[str, Source], today: date | None = None) -> list[Verdict]:
    """One verdict per goal (commitments get none), in file order. A goal pairs with
    outcomes of the same indicator, scope (national or a province) and period."""
    records = list(records)
    rater = _Rater(Outcomes.index(records, indicators), indicators, sources,
                   today or date.today())
    return [rater.rate(goal) for goal in group_goals(records, sources)]
