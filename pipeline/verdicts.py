"""Rate each target against the outcomes reported for its indicator and period.

The rules, with an example each, are in ``docs/status-rules.md``; the functions here are
their only implementation.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

from pipeline.models import Entry, Indicator, Source
from pipeline.periods import Period
from pipeline.records import Record

Status = Literal["met", "exceeded", "missed", "pending", "unratable"]
STATUSES: tuple[Status, ...] = ("met", "exceeded", "missed", "pending", "unratable")
RATED: tuple[Status, ...] = ("met", "exceeded", "missed")
DEFAULT_RELATIVE_TOLERANCE = 0.05


@dataclass(frozen=True, slots=True)
class Verdict:
    """A target's status, the outcome that decided it, and every outcome considered."""

    target: Record
    status: Status
    outcome: Record | None
    outcomes: tuple[Record, ...]
    gap: float | None
    reason: str
    disagreement: bool = False
    revised: bool = False

    @property
    def basis(self) -> str:
        """``final`` or ``estimate``: what kind of figure decided the verdict."""
        if self.outcome is None:
            return ""
        return "estimate" if self.outcome.entry.estimate else "final"

    @property
    def relative_gap(self) -> float | None:
        reference = reference_value(self.target.entry)
        if self.gap is None or reference in (None, 0):
            return None
        return self.gap / abs(reference)


def tolerance(indicator: Indicator, target: float) -> float:
    """How far an "about" target may be off either way and still be met."""
    rule = indicator.tolerance
    if rule is not None and rule.abs is not None:
        return rule.abs
    share = rule.rel if rule is not None and rule.rel is not None else DEFAULT_RELATIVE_TOLERANCE
    return share * abs(target)


def period_key(period: Period, indicator: Indicator) -> tuple[date, ...]:
    """Periods that pair: a stock is read at the period's end; a flow needs the same span."""
    if indicator.measure == "stock":
        return (period.end,)
    return (period.start, period.end)


def reference_value(entry: Entry) -> float | None:
    """The single figure a target or outcome is summarised by (a range's midpoint)."""
    if entry.value is not None:
        return entry.value
    if entry.low is not None and entry.high is not None:
        return (entry.low + entry.high) / 2
    return None


def judge(result: float, target: Entry, indicator: Indicator) -> Status:
    """Status of one numeric result against one numeric target."""
    low, high = _acceptable(target, indicator)
    if indicator.better == "lower":
        low, high, result = -high, -low, -result  # mirror, then judge as higher-is-better
    epsilon = 1e-9 * max(1.0, abs(low) if math.isfinite(low) else 1.0)
    if result < low - epsilon:
        return "missed"
    if result > high + epsilon:
        return "exceeded"
    return "met"


def acceptable_band(target: Entry, indicator: Indicator) -> tuple[float, float] | None:
    """The interval of results that count as met, for charts; ``None`` for milestones."""
    if indicator.unit == "milestone":
        return None
    return _acceptable(target, indicator)


def _acceptable(target: Entry, indicator: Indicator) -> tuple[float, float]:
    """The interval that counts as met; its better edge is where "exceeded" starts."""
    if target.qualifier == "range":
        assert target.low is not None and target.high is not None
        return target.low, target.high
    assert target.value is not None
    value = target.value
    slack = tolerance(indicator, value)
    match target.qualifier:
        case "exact":
            return value, value
        case "about":
            return value - slack, value + slack
        case "at_least":  # a floor: exceeded once clearly above it
            return value, value + slack
        case "at_most":  # a ceiling: exceeded once clearly below it
            return value - slack, value
    raise ValueError(f"unknown qualifier {target.qualifier!r}")


def _outcome_bounds(outcome: Entry) -> tuple[float, float]:
    """The interval an outcome says the true figure lies in."""
    if outcome.qualifier == "range":
        assert outcome.low is not None and outcome.high is not None
        return outcome.low, outcome.high
    assert outcome.value is not None
    if outcome.qualifier == "at_least":
        return outcome.value, math.inf
    if outcome.qualifier == "at_most":
        return -math.inf, outcome.value
    return outcome.value, outcome.value


def compare(target: Entry, outcome: Entry, indicator: Indicator) -> Status:
    """Status of ``target`` given one ``outcome`` of the same indicator and period."""
    if indicator.unit == "milestone":
        return "met" if outcome.achieved else "missed"
    low, high = _outcome_bounds(outcome)
    worst, best = (high, low) if indicator.better == "lower" else (low, high)
    worst_status = judge(worst, target, indicator)
    if worst_status != "missed":
        return worst_status
    return "missed" if judge(best, target, indicator) == "missed" else "unratable"


def gap(target: Entry, outcome: Entry) -> float | None:
    """Result minus target, in the indicator's unit; 0 inside a target range."""
    result = reference_value(outcome)
    if result is None:
        return None
    if target.qualifier == "range":
        assert target.low is not None and target.high is not None
        if result < target.low:
            return result - target.low
        if result > target.high:
            return result - target.high
        return 0.0
    if target.value is None:
        return None
    return result - target.value


def rate(target: Record, outcomes: Iterable[Record], indicator: Indicator,
         sources: Mapping[str, Source]) -> Verdict:
    """Rate one target against the outcomes of its indicator and period."""
    candidates = tuple(sorted(outcomes, key=lambda o: (sources[o.entry.source].published,
                                                       o.file, o.index)))
    if not candidates:
        return Verdict(target, "pending", None, (), None, "no result reported yet")
    finals = [o for o in candidates if not o.entry.estimate]
    pool = finals or list(candidates)
    trusted = [o for o in pool if sources[o.entry.source].reliability != "unreliable"] or pool
    judged = [(o, compare(target.entry, o.entry, indicator)) for o in trusted]
    ratable = [(o, status) for o, status in judged if status != "unratable"] or judged
    decider, status = ratable[-1]  # the latest published among the preferred figures
    disagreement = len({_figure(o.entry) for o in pool}) > 1
    revised = bool(finals) and len(finals) < len(candidates) and any(
        _figure(o.entry) != _figure(decider.entry) for o in candidates if o.entry.estimate)
    reason = _reason(status, decider, pool, finals, trusted)
    return Verdict(target, status, decider, candidates, gap(target.entry, decider.entry), reason,
                   disagreement, revised)


def _figure(entry: Entry) -> tuple[object, ...]:
    return (entry.value, entry.low, entry.high, entry.qualifier, entry.achieved)


def _reason(status: Status, decider: Record, pool: list[Record], finals: list[Record],
            trusted: list[Record]) -> str:
    parts = ["final figure" if finals else "estimate only (no final figure yet)"]
    if len(trusted) < len(pool):
        parts.append("unreliable sources set aside")
    if len(pool) > 1:
        parts.append(f"latest of {len(pool)} sources")
    if status == "unratable":
        parts.append("the reported bound cannot settle the target")
    return "; ".join(parts)


def rate_all(records: Iterable[Record], indicators: Mapping[str, Indicator],
             sources: Mapping[str, Source]) -> list[Verdict]:
    """One verdict per target (commitments get none), in file order. A target pairs with
    outcomes of the same indicator, scope (national or a province) and period."""
    records = list(records)
    outcomes: dict[tuple[str, str, tuple[date, ...]], list[Record]] = defaultdict(list)
    for record in records:
        if record.entry.role == "outcome":
            indicator = indicators[record.entry.indicator]
            key = (indicator.id, record.scope, period_key(record.period, indicator))
            outcomes[key].append(record)
    verdicts = []
    for record in records:
        if record.entry.role != "target":
            continue
        indicator = indicators[record.entry.indicator]
        found = outcomes.get((indicator.id, record.scope, period_key(record.period, indicator)),
                             [])
        verdicts.append(rate(record, found, indicator, sources))
    return verdicts
