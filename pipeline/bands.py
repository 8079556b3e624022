"""The band of results that meets a target, compared in decimal at the printed precision.

Floats never decide a verdict: every figure is read back as the decimal it was written as
(``5.2`` is ``Decimal('5.2')``), so 5.5 − 0.3 is exactly 5.2 and no ``0.2999…`` tips a
verdict. A band's edges are ``Decimal('-Infinity')`` / ``Decimal('Infinity')`` where open.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pipeline.models import Entry, Indicator
from pipeline.units import UNITS

Judged = Literal["met", "exceeded", "missed"]
DEFAULT_RELATIVE_TOLERANCE = Decimal("0.05")
INFINITY = Decimal("Infinity")


def dec(value: float) -> Decimal:
    """A figure as the decimal it was written as: ``dec(5.2) == Decimal('5.2')``."""
    return Decimal(repr(float(value)))


def tolerance(indicator: Indicator, target: float) -> Decimal:
    """How far an "about" target may be off either way and still be met."""
    rule = indicator.tolerance
    if rule is not None and rule.abs is not None:
        return dec(rule.abs)
    share = dec(rule.rel) if rule is not None and rule.rel is not None \
        else DEFAULT_RELATIVE_TOLERANCE
    return share * abs(dec(target))


def limit_wording(target: Entry, indicator: Indicator) -> str | None:
    """The wording that frames a target as a limit, from the record or its indicator."""
    if target.qualifier == "range" and indicator.better == "higher":
        return None
    return target.limit or indicator.limit


def acceptable(target: Entry, indicator: Indicator) -> tuple[Decimal, Decimal]:
    """The interval of results that count as met; beyond its better edge is "exceeded".

    A limit has no better edge: everything on its good side is met.
    """
    if target.qualifier == "range":
        assert target.low is not None and target.high is not None
        low, high = dec(target.low), dec(target.high)
    else:
        assert target.value is not None
        value, slack = dec(target.value), tolerance(indicator, target.value)
        low, high = {
            "exact": (value, value),
            "about": (value - slack, value + slack),
            "at_least": (value, value + slack),  # a floor: beaten once clearly above it
            "at_most": (value - slack, value),  # a ceiling: beaten once clearly below it
        }[target.qualifier]
    if limit_wording(target, indicator):
        return (-INFINITY, high) if indicator.better == "lower" else (low, INFINITY)
    return low, high


def judge(result: Decimal, target: Entry, indicator: Indicator) -> Judged:
    """Status of one numeric result against one numeric target."""
    low, high = acceptable(target, indicator)
    worse, better = (result > high, result < low) if indicator.better == "lower" \
        else (result < low, result > high)
    if worse or (better and target.two_sided):
        return "missed"
    return "exceeded" if better else "met"


def figure_text(value: Decimal, unit: str) -> str:
    """``3.3%``, ``630,000``, ``1,100 yuan``: a band edge in the indicator's unit."""
    number = f"{value:,f}"
    if "." in number:
        number = number.rstrip("0").rstrip(".")
    if unit == "percent":
        return f"{number}%"
    if unit == "count":
        return number
    return f"{number} {UNITS[unit].en}"


def band_words(target: Entry, indicator: Indicator) -> str:
    """The band in words: ``about 3% counts as met from 2.7% to 3.3%``."""
    if indicator.unit == "milestone":
        return "a milestone: met when reported achieved"
    low, high = acceptable(target, indicator)
    unit = indicator.unit
    if wording := limit_wording(target, indicator):
        edge = figure_text(high, unit) if indicator.better == "lower" else figure_text(low, unit)
        side = "at or below" if indicator.better == "lower" else "at or above"
        return f"a limit ({wording}): met {side} {edge}; a limit is never beaten"
    if target.two_sided:
        return (f"a level to hit ({target.two_sided}): met from {figure_text(low, unit)} to "
                f"{figure_text(high, unit)}, missed on either side")
    beaten = "below" if indicator.better == "lower" else "above"
    better_edge = low if indicator.better == "lower" else high
    if low == high:
        return (f"met at exactly {figure_text(low, unit)}; beaten {beaten} it")
    return (f"met from {figure_text(low, unit)} to {figure_text(high, unit)}; beaten "
            f"{beaten} {figure_text(better_edge, unit)}")


def outcome_bounds(outcome: Entry) -> tuple[Decimal, Decimal]:
    """The interval an outcome says the true figure lies in ("over 130,000": 130,000 and up)."""
    if outcome.qualifier == "range":
        assert outcome.low is not None and outcome.high is not None
        return dec(outcome.low), dec(outcome.high)
    assert outcome.value is not None
    value = dec(outcome.value)
    if outcome.qualifier == "at_least":
        return value, INFINITY
    if outcome.qualifier == "at_most":
        return -INFINITY, value
    return value, value


def compare(target: Entry, outcome: Entry, indicator: Indicator) -> str:
    """Status of ``target`` given one ``outcome``: what the outcome's worst case guarantees;
    ``unratable`` when the worst case misses but the best case would not."""
    if indicator.unit == "milestone":
        return "met" if outcome.achieved else "missed"
    low, high = outcome_bounds(outcome)
    worst, best = (high, low) if indicator.better == "lower" else (low, high)
    worst_status = judge(worst, target, indicator)
    if worst_status != "missed":
        return worst_status
    if judge(best, target, indicator) == "missed" or _only_touches(outcome, best, target,
                                                                   indicator):
        return "missed"
    return "unratable"


def _only_touches(outcome: Entry, best: Decimal, target: Entry, indicator: Indicator) -> bool:
    """A figure kept below its bound (``short_of``: 接近50%) whose best case is the goal's
    lowest met figure: everything it allows falls short."""
    return outcome.short_of is not None and indicator.better == "higher" \
        and best == acceptable(target, indicator)[0]
