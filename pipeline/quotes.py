"""Check that every record's quote really appears in the archived copy of its source."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from pipeline.dataset import Dataset
from pipeline.normalize import normalise
from pipeline.records import Record


@dataclass(frozen=True, slots=True)
class QuoteMiss:
    """A quote that could not be found, and why."""

    record: Record
    reason: str
    phrase: str = ""

    def format(self) -> str:
        e = self.record.entry
        return f"{self.record.location}: {e.source}: {self.reason}: {self.phrase or e.quote!r}"


@cache
def _archive_text(path: Path) -> str | None:
    """Normalised searchable text of one archived copy; facts files give their phrases."""
    try:
        raw = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    if path.suffix in (".yaml", ".yml"):
        data = yaml.safe_load(raw) or {}
        phrases = [str(f.get("phrase", "")) for f in data.get("facts", []) if isinstance(f, dict)]
        return "\n".join(normalise(p) for p in phrases)
    return normalise(raw)


def verify_quotes(dataset: Dataset, archive: Path) -> list[QuoteMiss]:
    """Every record whose quote is not in its source's archived copy under ``archive``."""
    misses = []
    for record in dataset.records:
        source = dataset.sources[record.entry.source]
        if source.archive is None:
            misses.append(QuoteMiss(record, "source has no archived copy to check against"))
            continue
        text = _archive_text((archive / source.archive).resolve())
        if text is None:
            misses.append(QuoteMiss(record, f"archived copy {source.archive} not found"))
        elif normalise(record.entry.quote) not in text:
            misses.append(QuoteMiss(record, f"quote not found in {source.archive}"))
        elif record.entry.judgement and normalise(record.entry.judgement) not in text:
            misses.append(QuoteMiss(record, f"judgement not found in {source.archive}",
                                    repr(record.entry.judgement)))
    return misses
