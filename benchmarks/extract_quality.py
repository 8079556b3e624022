"""How well ``goalpost extract`` drafts the figures of the whole source pack.

    python benchmarks/extract_quality.py [--sources /work/shared/sources] [--misses]

Two parts, one table:

- **seeds**: the five seeds, read whole, scored against their curated records: two work
  conferences, and three pages in traditional characters with pinyin glosses (the style of
  the held-out reports).
- **facts**: every page in ``facts/*.yaml``. A fact file has no full page text, so the page is
  rebuilt from what the page itself prints: its title on the first line, its published date
  (``2026-01-02``, a dateline) on the second, then each distinct phrase as one paragraph, in
  the file's order. The analyst's notes (``reports_on``, ``indicator``, ``note``) are not fed:
  they would give the period away. The report year passed to extract is the year of the
  published date, as an analyst would pass ``--year``.

Truth for a phrase is the curated records quoting it (``targets/*.yaml`` records whose source
is archived as that fact file): they carry the indicator id, the period as written in the
dataset, and values in base units. A numeric fact with no curated record is scored on
everything but the indicator, from the fact's own fields. Facts without a number (milestones,
"ahead of schedule") and English phrases are outside extract's scope and only counted.

A candidate is matched to a truth one to one, within the truth's paragraph, by its figure
(the magnitude of value, low or high; among drafts of the same figure, as in 均超过98% for
three quantities, the one with the truth's indicator first); then role, period, qualifier,
indicator, sign, unit and value are each scored separately over the matched pairs.

Fairness: a period is right when it names the same stretch of time in goalpost's own
semantics (``pipeline.periods``), not only the same text. ``2022-12`` and ``2022`` both run
from 1 January to 31 December 2022, and ``2025-09`` and ``2025-01/09`` both from January to
September, so they are equal for every indicator. For a stock (``measure: stock`` in the
registry) only the period's end matters, as ``pipeline.verdicts.period_key`` pairs goals with
results: ``2021-2025`` and ``2025`` are both the level at end-2025. A flow or rate must cover
the same start and end. A truth without a curated record has no indicator, so its period is
compared as a flow's. Nothing else is loosened.

Limits of the rebuilt pages (they make the fact-pack figures a floor, not a ceiling): a phrase
is only the words that carry the figure, so what the page said around it is gone. A fragment
such as 占移动电话用户的42.8% has lost its subject (5G用户), and a level quoted without its
date (5G移动电话用户达到4.28亿户) has lost the 截至5月末 the page printed elsewhere; the
curated record knows both from the page. Such figures are scored as printed here, and a
second period figure counts only the matched figures whose period the text fed to extract
states (``period_stated``: the month or part of the year is printed, or the dateline is that
month or the next; a span's words or first year; a whole year printed or next to the
dateline's), so that what extract gets wrong can be told from what the rebuilt page lost.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.dataset import load_project  # noqa: E402
from pipeline.extract import Candidate, extract  # noqa: E402
from pipeline.models import Indicator  # noqa: E402
from pipeline.periods import PeriodError, parse_period  # noqa: E402

SEEDS = (("000_d4dc1273d64f5f39.txt", 2024, "gwr-2024-ict-summary"),
         ("001_6169af0fd70d9f4c.txt", 2024, "cctime-informatization-report-2023"),
         ("002_834ad73fd23cff5e.txt", 2023, "miit-conf-2023-12-commentary"),
         ("003_771a7e8552942085.txt", 2017, "miit-conf-2017-12"),
         ("004_cf486792c33a492e.txt", 2019, "miit-conf-2019-12"))
ASPECTS = ("role", "period", "qualifier", "indicator", "sign", "unit", "value")
FACT_UNITS = {"100 million yuan": ("yuan", 1e8), "trillion yuan": ("yuan", 1e12),
              "USD 100 million": ("usd", 1e8), "per 10,000 people": ("per_10k_people", 1),
              "per 100 people": ("per_100_people", 1),
              "GB per user per month": ("gb_per_user_month", 1)}
HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Truth:
    """One figure a page prints, as the curated dataset (or the fact file) states it."""

    paragraph: int
    role: str
    period: str
    qualifier: str
    unit: str
    value: float | None
    low: float | None
    high: float | None
    indicator: str | None  # None: no curated record, so no indicator truth
    phrase: str
    measure: str = ""  # the truth indicator's measure (stock, flow, rate), when known

    @property
    def numbers(self) -> list[float]:
        return [abs(n) for n in (self.value, self.low, self.high) if n is not None]


@dataclass
class Score:
    """Counts for one part of the benchmark."""

    name: str
    truths: int = 0
    candidates: int = 0
    matched: int = 0
    right: Counter[str] = field(default_factory=Counter)
    judged: Counter[str] = field(default_factory=Counter)
    stated: Counter[str] = field(default_factory=Counter)  # periods the page states: judged
    stated_right: Counter[str] = field(default_factory=Counter)  # … and right

    def add(self, other: Score) -> None:
        self.truths += other.truths
        self.candidates += other.candidates
        self.matched += other.matched
        self.right.update(other.right)
        self.judged.update(other.judged)
        self.stated.update(other.stated)
        self.stated_right.update(other.stated_right)

    @property
    def recall(self) -> float:
        return self.matched / self.truths if self.truths else 0.0

    @property
    def precision(self) -> float:
        return self.matched / self.candidates if self.candidates else 0.0

    def stated_accuracy(self, aspect: str) -> float:
        stated = self.stated[aspect]
        return self.stated_right[aspect] / stated if stated else 0.0

    def accuracy(self, aspect: str) -> float:
        judged = self.judged[aspect]
        return self.right[aspect] / judged if judged else 0.0


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-9 * max(1.0, abs(a))


def _numbers(candidate: Candidate) -> list[float]:
    return [abs(n) for n in (candidate.value, candidate.low, candidate.high) if n is not None]


def _sign(value: float | None, low: float | None, high: float | None) -> int:
    number = value if value is not None else (low if low is not None else high)
    return -1 if number is not None and number < 0 else 1


def same_period(mine: str, theirs: str, measure: str) -> bool:
    """The same stretch of time (see the module docstring): a stock only at its end."""
    try:
        a, b = parse_period(mine), parse_period(theirs)
    except PeriodError:
        return mine == theirs
    if measure == "stock":
        return a.end == b.end
    return (a.start, a.end) == (b.start, b.end)


def judge(candidate: Candidate, truth: Truth) -> dict[str, bool | None]:
    """Each aspect right (True), wrong (False) or not judged (None)."""
    return {
        "role": candidate.role == truth.role,
        "period": same_period(candidate.period, truth.period, truth.measure),
        "qualifier": candidate.qualifier == truth.qualifier,
        "indicator": None if truth.indicator is None else candidate.indicator == truth.indicator,
        "sign": _sign(candidate.value, candidate.low, candidate.high)
        == _sign(truth.value, truth.low, truth.high),
        "unit": candidate.unit == truth.unit,
        "value": _same(candidate.value, truth.value) and _same(candidate.low, truth.low)
        and _same(candidate.high, truth.high),
    }


def _overlap(candidate: Candidate, truth: Truth) -> int:
    """2: the same figure; 1: shares one number (a range read as a point); 0: unrelated."""
    mine, theirs = _numbers(candidate), truth.numbers
    if len(mine) == len(theirs) and all(_same(a, b) for a, b in zip(sorted(mine),
                                                                     sorted(theirs),
                                                                     strict=True)):
        return 2
    return int(any(_same(a, b) for a in mine for b in theirs))


def pair(candidates: list[Candidate], truths: list[Truth],
         line_of: dict[int, int]) -> list[tuple[Candidate, Truth]]:
    """One-to-one pairs in the same paragraph, exact figures first, then partial ones; among
    drafts of the same figure, the one with the truth's indicator first."""
    free = list(candidates)
    pairs = []
    for wanted in (2, 1):
        for truth in truths:
            if any(t is truth for _, t in pairs):
                continue
            hits = [c for c in free if line_of.get(c.line) == truth.paragraph
                    and _overlap(c, truth) >= wanted]
            # 均超过98% drafts one figure per subject: pair each truth with its own subject's
            hit = min(hits, key=lambda c: c.indicator != truth.indicator, default=None)
            if hit is not None:
                free.remove(hit)
                pairs.append((hit, truth))
    return pairs


MONTH_WORDS = {3: ("一季度",), 6: ("上半年", "二季度"), 9: ("前三季度", "三季度"),
               12: ("年底", "年末", "全年", "四季度")}
CHINESE_MONTHS = "一二三四五六七八九十"
SPAN_WORDS = ("年均", "十三五", "十四五", "十五五", "五年", "两年", "四年", "累计", "以来", "规划")


def period_stated(period: str, text: str, published: date | None) -> bool:
    """Whether the page text says when ``period`` is, so a reader of that text alone could
    date the figure: its month (``5月``, ``上半年``; the dateline's month for a level said
    to be so now), its span (``年均``, ``十四五``, the first year), or for a whole year, the
    year itself or one next to the dateline's. A month printed only on the full page, which
    the rebuilt page dropped, is not stated."""
    year = published.year if published else None
    if match := re.fullmatch(r"(\d{4})-(\d{2})", period):
        month = int(match[2])
        words = (f"{month}月", *((f"{CHINESE_MONTHS[month - 1]}月",) if month <= 10 else ()),
                 *MONTH_WORDS.get(month, ()))
        as_of = published is not None and (published.month - month) % 12 <= 1
        return as_of or any(w in text for w in words)
    if re.fullmatch(r"\d{4}-(H\d|Q\d(/Q\d)?|\d{2}/\d{2})", period):
        return any(w in text for w in ("季度", "半年", "月"))
    if match := re.fullmatch(r"(\d{4})-(\d{4})", period):
        return f"{match[1]}年" in text or any(w in text for w in SPAN_WORDS)
    if re.fullmatch(r"\d{4}", period):
        return f"{period}年" in text or year is None or abs(int(period) - year) <= 1
    return True


def score(name: str, candidates: list[Candidate], truths: list[Truth],
          line_of: dict[int, int], misses: list[str] | None = None, text: str = "",
          published: date | None = None) -> Score:
    """Recall, precision and per-aspect accuracy of ``candidates`` against ``truths``; for
    periods also over the figures whose period the page states."""
    result = Score(name, len(truths), len(candidates))
    for candidate, truth in pair(candidates, truths, line_of):
        result.matched += 1
        stated = period_stated(truth.period, text, published)
        if stated:
            result.stated["period"] += 1
            result.stated_right["period"] += same_period(candidate.period, truth.period,
                                                         truth.measure)
        for aspect, right in judge(candidate, truth).items():
            if right is None:
                continue
            result.judged[aspect] += 1
            result.right[aspect] += right
            if not right and misses is not None:
                unstated = " (not stated)" if aspect == "period" and not stated else ""
                misses.append(f"{name}: {aspect}: {truth.phrase} | got "
                              f"{getattr(candidate, aspect, candidate.value)!r} want "
                              f"{getattr(truth, aspect, truth.value)!r}{unstated}")
    if misses is not None:
        paired = {id(t) for _, t in pair(candidates, truths, line_of)}
        misses.extend(f"{name}: missed: {t.phrase} ({t.numbers})" for t in truths
                      if id(t) not in paired)
    return result


# --- the seeds -----------------------------------------------------------------------------

def seed_scores(sources: Path, dataset, misses: list[str] | None) -> list[Score]:
    """The five seeds, read whole: two work conferences, and three pages in traditional
    characters with pinyin glosses (a work report's summary, a review, a commentary)."""
    scores = []
    for seed, year, source in SEEDS:
        raw = (sources / "seeds" / seed).read_text(encoding="utf-8")
        candidates = extract(raw, year, dataset.indicators.values())
        measures = {i.id: i.measure for i in dataset.indicators.values()}
        truths = [_record_truth(r, 0, measures) for r in dataset.records
                  if r.entry.source == source and r.entry.unit != "milestone"]
        line_of = {c.line: 0 for c in candidates}
        scores.append(score(seed, candidates, truths, line_of, misses, raw, None))
    return scores


def _record_truth(record, paragraph: int, measures: dict[str, str]) -> Truth:
    e = record.entry
    return Truth(paragraph, e.role, record.period.text, e.qualifier, e.unit, e.value, e.low,
                 e.high, e.indicator, e.quote, measures.get(e.indicator, ""))


# --- the fact pack -------------------------------------------------------------------------

@dataclass
class Page:
    """A fact file rebuilt as page text, with the truth for each phrase."""

    name: str
    year: int
    text: str
    line_of: dict[int, int]  # text line -> paragraph index
    published: date
    truths: list[Truth]
    excluded: Counter[str]


def page_text(source: dict, phrases: list[str]) -> tuple[str, dict[int, int]]:
    """Title, dateline, then one phrase per paragraph (see the module docstring)."""
    lines = [str(source.get("title", "")), str(source.get("published", ""))]
    line_of = {}
    for index, phrase in enumerate(phrases):
        lines.append(phrase)
        line_of[len(lines)] = index
    return "\n".join(lines) + "\n", line_of


def _fact_period(period: object) -> str:
    text = str(period)
    return text[4:] if text.startswith("end-") else text


def _fact_truth(fact: dict, paragraph: int) -> Truth:
    unit, factor = FACT_UNITS.get(fact.get("unit"), (fact.get("unit"), 1))
    qualifier = "exact" if fact.get("qualifier") == "estimate" else fact.get("qualifier")
    value, low, high = fact.get("value"), fact.get("low"), fact.get("high")
    if isinstance(value, str) and "-" in value:  # "10-15"
        low, high, value = *map(float, value.split("-")), None
    def scale(number: object) -> float | None:
        return None if number is None else float(number) * factor  # type: ignore[arg-type]

    return Truth(paragraph, fact["role"], _fact_period(fact["period"]), qualifier, unit,
                 scale(value), scale(low), scale(high), None, fact["phrase"])


def _numeric(fact: dict) -> bool:
    value = fact.get("value")
    if fact.get("low") is not None:
        return True
    if isinstance(value, str):
        return bool(re.fullmatch(r"[\d.]+-[\d.]+", value))
    return value is not None


def load_page(path: Path, records_by_archive: dict[str, list],
              measures: dict[str, str] | None = None) -> Page:
    """A fact file as page text, truths and the facts left out (and why)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    source, facts = data["source"], data.get("facts") or []
    excluded: Counter[str] = Counter()
    kept = []
    for fact in facts:
        if not _numeric(fact):
            excluded["no number"] += 1
        elif not HAN.search(fact["phrase"]):
            excluded["English"] += 1
        else:
            kept.append(fact)
    phrases = list(dict.fromkeys(f["phrase"] for f in kept))
    text, line_of = page_text(source, phrases)
    records = records_by_archive.get(f"facts/{path.name}", [])
    truths = []
    for index, phrase in enumerate(phrases):
        quoting = [r for r in records if r.entry.quote == phrase and r.entry.unit != "milestone"]
        if quoting:
            truths += [_record_truth(r, index, measures or {}) for r in quoting]
        else:
            excluded["no curated record (no indicator truth)"] += sum(
                f["phrase"] == phrase for f in kept)
            truths += [_fact_truth(f, index) for f in kept if f["phrase"] == phrase]
    published = date.fromisoformat(str(source["published"]))
    return Page(path.stem, published.year, text, line_of, published, truths, excluded)


def fact_scores(sources: Path, dataset, misses: list[str] | None) -> tuple[Score, Counter]:
    """Every fact file, scored together."""
    archive_of = {s.id: s.archive for s in dataset.sources.values() if s.archive}
    by_archive: dict[str, list] = {}
    for record in dataset.records:
        if record.entry.source in archive_of:
            by_archive.setdefault(archive_of[record.entry.source], []).append(record)
    total, excluded = Score("fact pack"), Counter()
    measures = {i.id: i.measure for i in dataset.indicators.values()}
    for path in sorted((sources / "facts").glob("*.yaml")):
        page = load_page(path, by_archive, measures)
        excluded.update(page.excluded)
        indicators: list[Indicator] = list(dataset.indicators.values())
        candidates = extract(page.text, page.year, indicators)
        title, _dateline, body = page.text.split("\n", 2)
        text = title + "\n" + body  # the dateline's digits state no period
        total.add(score(page.name, candidates, page.truths, page.line_of, misses, text,
                        page.published))
    return total, excluded


# --- the table -----------------------------------------------------------------------------

def table(scores: list[Score]) -> str:
    """One row per part: counts, recall, precision, then each aspect's accuracy."""
    head = (f"{'part':28} {'truth':>5} {'drafts':>6} {'match':>5} {'recall':>6} {'prec':>5} "
            + " ".join(f"{a:>9}" for a in ASPECTS))
    rows = [head]
    for s in scores:
        rows.append(f"{s.name:28} {s.truths:5} {s.candidates:6} {s.matched:5} "
                    f"{s.recall:6.2f} {s.precision:5.2f} "
                    + " ".join(f"{s.accuracy(a):9.2f}" for a in ASPECTS))
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", default=str(ROOT.parent / "shared" / "sources"))
    parser.add_argument("--misses", action="store_true", help="list every miss and wrong aspect")
    args = parser.parse_args()
    sources = Path(args.sources)
    dataset = load_project(ROOT)
    misses: list[str] | None = [] if args.misses else None
    seeds = seed_scores(sources, dataset, misses)
    both = Score("all five seeds")
    for s in seeds:
        both.add(s)
    pack, excluded = fact_scores(sources, dataset, misses)
    everything = Score("seeds + fact pack")
    everything.add(both)
    everything.add(pack)
    print(table([*seeds, both, pack, everything]))
    print("fact-pack facts: " + (", ".join(f"{n} {why}" for why, n in
                                             sorted(excluded.items())) or "all scored")
          + " (no number and English: left out; no curated record: scored but not on "
          "indicator)")
    print("period accuracy where the page states the period (month, span or year; see "
          "period_stated): " + ", ".join(
              f"{s.name} {s.stated_accuracy('period'):.2f} ({s.stated['period']} of "
              f"{s.matched})" for s in (both, pack, everything)))
    print("indicator accuracy counts only figures with a curated record; "
          f"judged {pack.judged['indicator']} of {pack.matched} matched in the fact pack")
    print("fact pack, unrounded: " + ", ".join(
        f"{aspect} {pack.right[aspect]}/{pack.judged[aspect]} = {pack.accuracy(aspect):.3f}"
        for aspect in ("period", "indicator")) + f", recall {pack.recall:.3f}")
    for line in misses or []:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
