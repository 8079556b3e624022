"""A validated record: one entry of a year file, with where it came from."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.models import Entry
from pipeline.periods import Period


@dataclass(frozen=True, slots=True)
class Record:
    """An :class:`Entry` that passed every check, located in its year file."""

    entry: Entry
    period: Period
    stated_in: int
    file: str
    line: int
    index: int
    scope: str = "national"

    @property
    def record_id(self) -> str:
        """Stable id: the year file and the entry's natural key."""
        e = self.entry
        where = "" if self.scope == "national" else f":{self.scope}"
        return f"{self.stated_in}:{e.role}:{e.indicator}:{self.period.text}:{e.source}{where}"

    @property
    def natural_key(self) -> tuple[str, str, str, str, str]:
        """Two records with the same key say the same thing twice."""
        e = self.entry
        return (e.role, e.indicator, self.period.text, e.source, self.scope)

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}"

    @property
    def is_milestone(self) -> bool:
        return self.entry.unit == "milestone"
