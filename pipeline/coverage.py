"""How much of the record is rated: per year, goals by status, and outcomes that answer no
goal. Every count is of goals, never of the statements that restate them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from pipeline.dataset import Dataset
from pipeline.verdicts import RATED, Verdict, rate_all


@dataclass
class YearCoverage:
    """Counts for goals and outcomes whose period ends in ``year`` (a plan: its last year)."""

    year: int
    statuses: Counter[str] = field(default_factory=Counter)
    commitments: int = 0
    unanswered: int = 0

    @property
    def goals(self) -> int:
        return sum(self.statuses.values())

    @property
    def rated(self) -> int:
        return sum(self.statuses[s] for s in RATED)


def coverage(dataset: Dataset, verdicts: list[Verdict] | None = None) -> list[YearCoverage]:
    """One row per year that has any target, commitment or outcome."""
    verdicts = verdicts if verdicts is not None else rate_all(
        dataset.records, dataset.indicators, dataset.sources)
    years: dict[int, YearCoverage] = {}

    def row(year: int) -> YearCoverage:
        return years.setdefault(year, YearCoverage(year))

    answering = {id(o) for v in verdicts for o in v.records}
    for verdict in verdicts:
        row(verdict.target.period.end.year).statuses[verdict.status] += 1
    for record in dataset.records:
        if record.entry.role == "commitment":
            row(record.period.end.year).commitments += 1
        elif record.entry.role == "outcome" and id(record) not in answering:
            row(record.period.end.year).unanswered += 1
    return [years[y] for y in sorted(years)]


def coverage_table(rows: list[YearCoverage]) -> str:
    """Aligned text table with a total line."""
    header = ("year", "goals", "rated", "met", "exceeded", "missed", "claimed", "unratable",
              "no_result", "not_due", "commitments", "unanswered outcomes")
    total = YearCoverage(0)
    lines = [header]
    for r in rows:
        total.statuses.update(r.statuses)
        total.commitments += r.commitments
        total.unanswered += r.unanswered
        lines.append(_cells(str(r.year), r))
    lines.append(_cells("total", total))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    text = "\n".join("  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in
                               enumerate(zip(line, widths, strict=True))).rstrip()
                     for line in lines)
    rated_years = sum(1 for r in rows if r.rated)
    return text + f"\n{total.rated} goals rated across {rated_years} years"


def _cells(label: str, r: YearCoverage) -> tuple[str, ...]:
    s = r.statuses
    return (label, str(r.goals), str(r.rated), str(s["met"]), str(s["exceeded"]),
            str(s["missed"]), str(s["claimed"]), str(s["unratable"]), str(s["no_result"]),
            str(s["not_due"]), str(r.commitments), str(r.unanswered))
