"""Progress before the deadline: is a goal that is not yet due on track, judged from an
interim figure (1–10月, end-Q3)?

- a growth rate: the cumulative rate so far against the target's band;
- a flow: the amount so far against the target's share of the year elapsed;
- a stock: the level reached against the target, or against a straight path from the
  previous year-end level when the target is not reached yet.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pipeline.bands import acceptable, compare, figure_text, outcome_bounds
from pipeline.models import Entry, Indicator
from pipeline.periods import Period
from pipeline.records import Record

Progress = Literal["on_track", "off_track", ""]


def months_between(start: date, end: date) -> int:
    """Whole months from the end of ``start``'s month to the end of ``end``'s month."""
    return (end.year - start.year) * 12 + end.month - start.month


def _worst(entry: Entry, indicator: Indicator) -> Decimal:
    low, high = outcome_bounds(entry)
    return high if indicator.better == "lower" else low


def _edge(target: Entry, indicator: Indicator) -> Decimal:
    """The least a result may be and still meet the target (the most, if lower is better)."""
    low, high = acceptable(target, indicator)
    return high if indicator.better == "lower" else low


def _verdict(on_track: bool) -> Progress:
    return "on_track" if on_track else "off_track"


def progress(target: Entry, period: Period, indicator: Indicator, interim: Record,
             baseline: Record | None = None) -> tuple[Progress, str]:
    """``on_track`` / ``off_track`` (or ``""`` when the figure cannot say) and the basis in
    words."""
    unit, so_far = indicator.unit, interim.entry
    when = interim.period.text
    if indicator.measure == "rate":
        status = compare(target, so_far, indicator)
        if status == "unratable":
            return "", f"the rate so far ({when}) is a bound that cannot say"
        return _verdict(status != "missed"), (
            f"cumulative rate {figure_text(_worst(so_far, indicator), unit)} for {when}, "
            f"against the goal's band")
    if indicator.measure == "flow":
        elapsed = months_between(period.start, interim.period.end) + 1
        share = Decimal(elapsed) / Decimal(months_between(period.start, period.end) + 1)
        pace = _edge(target, indicator) * share
        reached = _worst(so_far, indicator)
        ahead = reached <= pace if indicator.better == "lower" else reached >= pace
        return _verdict(ahead), (
            f"{figure_text(reached, unit)} by {when}, {elapsed} of "
            f"{months_between(period.start, period.end) + 1} months; pace needs "
            f"{figure_text(pace.quantize(Decimal('0.01')).normalize(), unit)}")
    reached = _worst(so_far, indicator)
    if compare(target, so_far, indicator) in ("met", "exceeded"):
        return "on_track", f"level {figure_text(reached, unit)} by {when} already meets the goal"
    if baseline is None:
        return "", f"level {figure_text(reached, unit)} by {when}; no earlier level to pace against"
    start = _worst(baseline.entry, indicator)
    total = months_between(baseline.period.end, period.end)
    share = Decimal(months_between(baseline.period.end, interim.period.end)) / Decimal(total)
    path = start + (_edge(target, indicator) - start) * share
    ahead = reached <= path if indicator.better == "lower" else reached >= path
    return _verdict(ahead), (
        f"level {figure_text(reached, unit)} by {when}; a straight path from "
        f"{figure_text(start, unit)} at {baseline.period.text} needs "
        f"{figure_text(path.quantize(Decimal('1')), unit)}")
