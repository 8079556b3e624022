"""Targets, results and verdicts in words: for the terminal and the dashboard."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pipeline.models import Entry, Indicator
from pipeline.people import readable
from pipeline.units import UNITS
from pipeline.verdicts import Verdict

SYMBOLS = {"met": "✓", "exceeded": "★", "missed": "✗", "claimed": "☑", "unratable": "?",
           "no_result": "∅", "not_due": "…"}
QUALIFIER_WORDS = {"en": {"exact": "", "about": "about ", "at_least": "≥ ", "at_most": "≤ "},
                   "zh": {"exact": "", "about": "约", "at_least": "≥ ", "at_most": "≤ "}}
MILESTONE_WORDS = {"en": ("milestone", "achieved", "not achieved", " (est.)"),
                   "zh": ("里程碑", "已实现", "未实现", "(预计)")}


def format_number(value: float) -> str:
    """Readable figure: thousands separators, no trailing zeros."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def signed(value: float) -> str:
    """A gap with its sign: ``+2,520,000``, ``-0.1``, ``0``."""
    value = round(value, 6)
    if value == 0:
        return "0"
    return ("+" if value > 0 else "-") + format_number(abs(value))


def describe(entry: Entry, language: str = "en", for_people: bool = False) -> str:
    """A target or outcome in words: ``about 6%``, ``5.5–6%``, ``achieved``; or in Chinese.
    ``for_people`` writes large numbers the way people read them: ``3.7万亿元``,
    ``1.2 billion users``."""
    unit = UNITS[entry.unit]
    milestone, achieved, not_achieved, estimate = MILESTONE_WORDS[language]
    if entry.unit == "milestone":
        if entry.achieved is None:
            return milestone
        return achieved if entry.achieved else not_achieved
    if entry.unit == "percent":
        suffix = "%"
    elif entry.unit == "count":
        suffix = ""
    else:
        suffix = f" {unit.zh}" if language == "zh" else f" {unit.en}"
    number = format_number
    if for_people:
        suffix = suffix.lstrip() if language == "zh" else suffix
        number = lambda value: readable(value, language)  # noqa: E731
    if entry.qualifier == "range" and entry.low is not None and entry.high is not None:
        return f"{number(entry.low)}–{number(entry.high)}{suffix}"
    assert entry.value is not None
    word = "< " if entry.short_of else QUALIFIER_WORDS[language][entry.qualifier]
    text = f"{word}{number(entry.value)}{suffix}"
    return f"{text}{estimate}" if entry.estimate else text


def verdict_table(verdicts: Sequence[Verdict], indicators: Mapping[str, Indicator]) -> str:
    """Aligned columns: period, indicator, target, result, gap, status."""
    header = ("period", "indicator", "target", "result", "gap", "status")
    rows = [header]
    for verdict in verdicts:
        target = verdict.target.entry
        result = describe(verdict.outcome.entry) if verdict.outcome else "—"
        gap = "" if verdict.gap is None else signed(verdict.gap)
        flags = "".join(f" [{flag}]" for flag in verdict_flags(verdict))
        rows.append((verdict.target.period.text, indicators[target.indicator].id,
                     describe(target), result, gap,
                     f"{SYMBOLS[verdict.status]} {verdict.status}{flags}"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header) - 1)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
             + "  " + row[-1] for row in rows]
    return "\n".join(line.rstrip() for line in lines) + f"\n{len(verdicts)} goals"


def verdict_flags(verdict: Verdict) -> list[str]:
    """What a reader must know beside the status: how the result was reached and how sure."""
    flags = []
    if verdict.early:
        flags.append(f"early, by {verdict.early.isoformat()[:7]}")
    if verdict.derived:
        flags.append("derived")
    if verdict.progress:
        flags.append(verdict.progress.replace("_", " "))
    if verdict.disagreement:
        flags.append("sources differ")
    if verdict.revised:
        flags.append("revised")
    if verdict.weak_evidence:
        flags.append("weak evidence")
    if verdict.goal.statements[1:]:
        flags.append(f"{len(verdict.goal.statements)} statements")
    if verdict.judgement_differs:
        flags.append(f"official: {verdict.official_judgement}")
    return flags
