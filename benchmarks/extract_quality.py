"""How well ``goalpost extract`` drafts the curated records of the two work-conference seeds.

    python benchmarks/extract_quality.py [--sources ../shared/sources]

A candidate matches a curated record (one to one) when role, period and figure (value, or
low and high) agree; indicator agreement is reported separately. Milestones and
commitments carry no figure, so they are outside what extract can find and are not counted.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.dataset import load_project  # noqa: E402
from pipeline.extract import Candidate, extract  # noqa: E402
from pipeline.records import Record  # noqa: E402

SEEDS = (("003_771a7e8552942085.txt", 2017, "miit-conf-2017-12"),
         ("004_cf486792c33a492e.txt", 2019, "miit-conf-2019-12"))


@dataclass
class Score:
    name: str
    curated: int
    candidates: int
    matched: int
    indicator_right: int

    @property
    def recall(self) -> float:
        return self.matched / self.curated if self.curated else 0.0

    @property
    def precision(self) -> float:
        return self.matched / self.candidates if self.candidates else 0.0


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-9 * max(1.0, abs(a))


def _matches(candidate: Candidate, record: Record) -> bool:
    e = record.entry
    return (candidate.role == e.role and candidate.period == record.period.text
            and _same(candidate.value, e.value) and _same(candidate.low, e.low)
            and _same(candidate.high, e.high))


def score(name: str, candidates: list[Candidate], curated: list[Record]) -> Score:
    remaining = list(curated)
    matched = indicator_right = 0
    for candidate in candidates:
        hit = next((r for r in remaining if _matches(candidate, r)), None)
        if hit is None:
            continue
        remaining.remove(hit)
        matched += 1
        indicator_right += candidate.indicator == hit.entry.indicator
    return Score(name, len(curated), len(candidates), matched, indicator_right)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", default=str(ROOT.parent / "shared" / "sources"))
    args = parser.parse_args()
    dataset = load_project(ROOT)
    scores = []
    for seed, year, source in SEEDS:
        raw = (Path(args.sources) / "seeds" / seed).read_text(encoding="utf-8")
        candidates = extract(raw, year, dataset.indicators.values())
        curated = [r for r in dataset.records if r.entry.source == source
                   and r.entry.unit != "milestone"]
        scores.append(score(seed, candidates, curated))
    total = Score("both seeds", *(sum(getattr(s, f) for s in scores)
                                  for f in ("curated", "candidates", "matched",
                                            "indicator_right")))
    print(f"{'seed':28} {'curated':>7} {'drafted':>7} {'matched':>7} {'recall':>6} "
          f"{'precision':>9} {'indicator':>9}")
    for s in (*scores, total):
        print(f"{s.name:28} {s.curated:7} {s.candidates:7} {s.matched:7} {s.recall:6.2f} "
              f"{s.precision:9.2f} {s.indicator_right:>5}/{s.matched:<3}")
    print(f"recall: {total.recall:.2f}  precision: {total.precision:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
