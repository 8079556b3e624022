"""Goals, not rows: the statements of one commitment, grouped.

A goal is one commitment: scope, indicator, period and figure. Target records that state the
same figure group automatically; a record's ``goal:`` names its goal explicitly, to join a
differently worded restatement or to keep two statements apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pipeline.bands import dec
from pipeline.models import Entry, Source
from pipeline.records import Record

TRUST = {"primary": 0, "reprint": 1, "mirror": 2, "unreliable": 3}  # most reliable first
_QUALIFIER_PREFIX = {"exact": "", "about": "about", "at_least": "ge", "at_most": "le"}


@dataclass(frozen=True, slots=True)
class Goal:
    """One commitment and every statement of it, earliest published first (on the same day,
    the most reliable copy first)."""

    id: str
    statements: tuple[Record, ...]

    @property
    def target(self) -> Record:
        """The earliest statement (the most reliable of that day's copies): it fills the goal's
        target columns and rates it."""
        return self.statements[0]

    @property
    def source_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.entry.source for s in self.statements))

    @property
    def search_note(self) -> str:
        """The dated note of a search for a result that found none, if one was recorded."""
        return next((s.entry.searched for s in self.statements if s.entry.searched), "")


def _number(value: float) -> str:
    text = f"{dec(value):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def figure_slug(entry: Entry) -> str:
    """``about6``, ``ge600000``, ``5.5to6``, ``le-30``, ``done``: the figure in an id."""
    if entry.unit == "milestone":
        return "done"
    if entry.qualifier == "range":
        assert entry.low is not None and entry.high is not None
        return f"{_number(entry.low)}to{_number(entry.high)}"
    assert entry.value is not None
    return _QUALIFIER_PREFIX[entry.qualifier] + _number(entry.value)


def goal_id(record: Record) -> str:
    """The record's ``goal:``, else ``indicator:period:figure`` (``:scope`` outside national)."""
    if record.entry.goal:
        return record.entry.goal
    where = "" if record.scope == "national" else f":{record.scope}"
    return f"{record.entry.indicator}:{record.period.text}:{figure_slug(record.entry)}{where}"


def group_goals(records: Iterable[Record], sources: Mapping[str, Source]) -> list[Goal]:
    """The goals that target records state, in the file order of their first statement."""
    grouped: dict[str, list[Record]] = {}
    for record in records:
        if record.entry.role == "target":
            grouped.setdefault(goal_id(record), []).append(record)
    return [Goal(key, tuple(sorted(statements, key=lambda r: (
        sources[r.entry.source].published, TRUST[sources[r.entry.source].reliability], r.file,
        r.index))))
        for key, statements in grouped.items()]
