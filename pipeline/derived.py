"""Results derived from two printed figures: a year's new stations = year-end total − the
previous year-end total. A derived result names both records and is never preferred over a
printed one."""

from __future__ import annotations

from pipeline.bands import INFINITY, outcome_bounds
from pipeline.models import Entry, Indicator
from pipeline.periods import Period
from pipeline.records import Record


def _difference(end: Entry, start: Entry) -> dict[str, object] | None:
    """The figure fields of ``end − start``: worst and best cases combined."""
    if end.qualifier == "about" or start.qualifier == "about":
        low_end, _ = outcome_bounds(end)
        low_start, _ = outcome_bounds(start)
        return {"value": float(low_end - low_start), "qualifier": "about"}
    end_low, end_high = outcome_bounds(end)
    start_low, start_high = outcome_bounds(start)
    low, high = end_low - start_high, end_high - start_low
    if low == high:
        return {"value": float(low), "qualifier": "exact"}
    if low.is_finite() and high == INFINITY:
        return {"value": float(low), "qualifier": "at_least"}
    if high.is_finite() and low == -INFINITY:
        return {"value": float(high), "qualifier": "at_most"}
    if low.is_finite() and high.is_finite():
        return {"low": float(low), "high": float(high), "qualifier": "range"}
    return None


def derive_flow(end: Record, start: Record, flow: Indicator, period: Period) -> Record | None:
    """The flow over ``period`` as ``end − start``, an outcome record of ``flow``; ``None``
    when the two bounds leave it open both ways. It sits at the end figure's place."""
    figure = _difference(end.entry, start.entry)
    if figure is None or any(isinstance(v, float) and v < 0 and flow.unit != "percent"
                             for v in figure.values()):
        return None
    entry = Entry(
        role="outcome", indicator=flow.id, period=period.text, unit=flow.unit,
        estimate=end.entry.estimate or start.entry.estimate, source=end.entry.source,
        quote=f"{end.entry.quote} − {start.entry.quote}",
        note=(f"Derived: the level at {end.period.text} minus the level at "
              f"{start.period.text} ({end.record_id} − {start.record_id})."),
        **figure)  # type: ignore[arg-type]
    return Record(entry, period, end.stated_in, end.file, end.line, end.index, end.scope)

