"""What interval a printed figure states, so that rounding is never read as a conflict.

"231.2万" states 2,311,500–2,312,500; "230万" states 2,295,000–2,305,000; "超过230万" states
2,300,000 and up. Two figures disagree only when their intervals do not overlap.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.bands import INFINITY, dec
from pipeline.models import Entry
from pipeline.numbers import MULTIPLIERS

_PRINTED = re.compile(r"(\d+(?:,\d{3})*(?:\.(\d+))?)\s*[多余]?\s*(万亿|亿|万|千(?![米克瓦兆]))?")
_ENGLISH = re.compile(r"(\d+(?:,\d{3})*(?:\.(\d+))?)\s*(trillion|billion|million|thousand)",
                      re.IGNORECASE)
_ENGLISH_MULTIPLIERS = {"trillion": 10**12, "billion": 10**9, "million": 10**6,
                        "thousand": 10**3}


def printed_step(value: float, quote: str) -> Decimal:
    """The last printed digit's size: 1000 for "12.6万" (126000), 0.1 for "5.7%", 1 when the
    figure is not found in the quote (written in words, or derived)."""
    target = abs(dec(value))
    for pattern, multipliers in ((_PRINTED, MULTIPLIERS), (_ENGLISH, _ENGLISH_MULTIPLIERS)):
        for match in pattern.finditer(quote):
            number = Decimal(match[1].replace(",", ""))
            multiplier = Decimal(multipliers[match[3].lower()]) if match[3] else Decimal(1)
            if number * multiplier == target:
                decimals = len(match[2] or "")
                return multiplier * Decimal(1).scaleb(-decimals)
    return Decimal(1) if target == target.to_integral_value() else \
        Decimal(1).scaleb(target.as_tuple().exponent)  # type: ignore[arg-type]


def stated_interval(entry: Entry) -> tuple[Decimal, Decimal, bool]:
    """The interval a figure says the true value lies in, at its printed precision, and
    whether its upper end is open: a rounded figure covers [v − step/2, v + step/2)."""
    if entry.qualifier == "range":
        assert entry.low is not None and entry.high is not None
        return (dec(entry.low) - printed_step(entry.low, entry.quote) / 2,
                dec(entry.high) + printed_step(entry.high, entry.quote) / 2, True)
    assert entry.value is not None
    value = dec(entry.value)
    if entry.qualifier == "at_least":
        return value, INFINITY, True
    if entry.qualifier == "at_most":
        return -INFINITY, value, False
    half = printed_step(entry.value, entry.quote) / 2
    return value - half, value + half, True


def conflict(first: Entry, second: Entry) -> bool:
    """True when two results cannot both be right: milestones that differ, or figures whose
    stated intervals do not overlap ("6.0%" and "6.1%" do not; "230万" and "超过230万" do)."""
    if first.unit == "milestone" or second.unit == "milestone":
        return first.achieved != second.achieved
    intervals = sorted((stated_interval(first), stated_interval(second)),
                       key=lambda interval: interval[1])
    (_, lower_high, open_end), (other_low, _, _) = intervals
    highest_low = max(intervals[0][0], other_low)
    return highest_low > lower_high or (highest_low == lower_high and open_end)
