"""Draft candidate records from a report's raw text, for an analyst to confirm.

For each clause that carries a figure: the phrase, the value in base units, the qualifier,
target or outcome, the period, and the indicator matched through the registry's names and
aliases. Nothing here is final: every candidate is written as a draft.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from pipeline.indicator_match import IndicatorMatcher
from pipeline.models import Indicator
from pipeline.numbers import Figure, find_figures
from pipeline.report_text import Paragraph, paragraphs, unspin

TARGET_CUES = ("预期", "力争", "计划", "目标", "争取", "确保", "要求", "努力", "力求")
OUTCOME_CUES = ("预计", "截至", "截止", "累计", "同比", "比上年", "较上年", "比去年", "全年")
WEAK_OUTCOME_CUES = ("完成", "达到", "实现", "建成", "超额", "已")
ESTIMATE_CUES = ("预计",)
DECLINE = re.compile(r"(下降|降低|减少|压减|回落|降幅|下调|降价)[^,,。;;]*$")
ABOUT_BEFORE = re.compile(r"(约|大约|近|接近|左右)$")
AT_LEAST_BEFORE = re.compile(r"(超过|超|突破|不少于|不低于|至少|高于)$")
AT_MOST_BEFORE = re.compile(r"(不超过|不高于|控制在|低于)$")
SENTENCE = re.compile(r"[^。!?!?]+[。!?!?]?")
CLAUSE = re.compile(r"[^,,;;:：]+")
YEAR = re.compile(r"(\d{4})年")
RANGE_JOIN = re.compile(r"^\s*(-|—|–|~|至|到)\s*$")
END_PUNCTUATION = re.compile(r"[。!?!?\s]+$")


@dataclass
class Candidate:
    """One draft record."""

    role: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    unit: str
    period: str
    estimate: bool
    quote: str
    line: int
    indicator: str = ""
    suggestions: list[str] = field(default_factory=list)


@dataclass
class _Context:
    """What earlier sentences said: the year in question and whose voice (goal or result)."""

    report_year: int
    year: int
    role: str = ""
    estimate: bool = False
    part: str = ""  # part of the year named earlier in the sentence: "11", "01/10", "Q1"


def extract(raw: str, year: int, indicators: Iterable[Indicator]) -> list[Candidate]:
    """Candidate records for every figure in the report ``raw``, stated in ``year``."""
    matcher = IndicatorMatcher(indicators)
    candidates: list[Candidate] = []
    context = _Context(year, year)  # carried across paragraphs: reports announce a year, then list
    for paragraph in paragraphs(raw):
        for sentence in SENTENCE.findall(paragraph.text):
            candidates.extend(_sentence(sentence, paragraph, context, matcher))
    return candidates


def _sentence(sentence: str, paragraph: Paragraph, context: _Context,
              matcher: IndicatorMatcher) -> list[Candidate]:
    found = []
    context.part = ""
    for clause in CLAUSE.findall(sentence):
        _update_context(clause, context)
        figures = [f for f in find_figures(clause) if f.unit]
        if not figures:
            continue
        role, estimate = _role(clause, sentence, context)
        period = _period(clause, context)
        if "分别" in clause and len(figures) > 1:
            found.extend(_respectively(clause, figures, role, estimate, period, paragraph,
                                       matcher))
            continue
        for low, high in _pairs(clause, figures):
            found.append(_candidate(clause, low, high, role, estimate, period, paragraph,
                                    matcher))
    return found


def _update_context(clause: str, context: _Context) -> None:
    plain = unspin(clause)
    if years := YEAR.findall(plain):
        context.year = int(years[-1])
    elif "明年" in plain:
        context.year = context.report_year + 1
    elif "今年" in plain:
        context.year = context.report_year
    elif "去年" in plain:
        context.year = context.report_year - 1
    if part := _part_of_year(plain):
        context.part = part
    if any(cue in plain for cue in TARGET_CUES):
        context.role, context.estimate = "target", False
    if any(cue in plain for cue in OUTCOME_CUES):
        estimate = any(cue in plain for cue in ESTIMATE_CUES)
        context.estimate = estimate or (context.role == "outcome" and context.estimate)
        context.role = "outcome"


def _role(clause: str, sentence: str, context: _Context) -> tuple[str, bool]:
    if context.role:
        return context.role, context.estimate
    plain = unspin(clause) + unspin(sentence)
    if any(cue in plain for cue in WEAK_OUTCOME_CUES):
        return "outcome", False
    return "target", False


def _part_of_year(plain: str) -> str:
    """``1-10月`` → ``01/10``, ``截至11月末`` → ``11``, ``前三季度`` → ``Q1/Q3``, else ``''``."""
    if match := re.search(r"(\d{1,2})\s*[-—~至到]\s*(\d{1,2})月", plain):
        return f"{int(match[1]):02d}/{int(match[2]):02d}"
    if match := re.search(r"截[至止](?:\d{4}年)?(\d{1,2})月", plain):
        return f"{int(match[1]):02d}"
    for word, code in (("前三季度", "Q1/Q3"), ("一季度", "Q1"), ("上半年", "H1")):
        if word in plain:
            return code
    return ""


def _period(clause: str, context: _Context) -> str:
    part = _part_of_year(unspin(clause)) or context.part
    return f"{context.year}-{part}" if part else str(context.year)


def _pairs(clause: str, figures: list[Figure]) -> list[tuple[Figure, Figure | None]]:
    """Figures one by one, except ``5.5%-6%`` which is one range."""
    pairs: list[tuple[Figure, Figure | None]] = []
    skip = False
    for index, figure in enumerate(figures):
        if skip:
            skip = False
            continue
        following = figures[index + 1] if index + 1 < len(figures) else None
        if following and following.unit == figure.unit and \
                RANGE_JOIN.match(clause[figure.end: following.start]):
            pairs.append((figure, following))
            skip = True
        else:
            pairs.append((figure, None))
    return pairs


def _qualifier(clause: str, figure: Figure) -> str:
    before = unspin(clause[max(0, figure.start - 4): figure.start]).rstrip()
    after = clause[figure.end: figure.end + 3]
    if "多" in figure.text or "余" in figure.text or after.startswith(("以上", "多", "余")):
        return "at_least"
    if after.startswith("左右") or ABOUT_BEFORE.search(before):
        return "about"
    if after.startswith(("以内", "以下")) or AT_MOST_BEFORE.search(before):
        return "at_most"
    if AT_LEAST_BEFORE.search(before):
        return "at_least"
    return "exact"


def _signed(clause: str, figure: Figure, value: float, qualifier: str) -> tuple[float, str]:
    """A percentage after 下降/降低 is a fall: negative, and a floor on the cut is a ceiling."""
    if figure.unit != "percent" or not DECLINE.search(unspin(clause[: figure.start])):
        return value, qualifier
    flipped = {"at_least": "at_most", "at_most": "at_least"}.get(qualifier, qualifier)
    return -value, flipped


def _candidate(clause: str, figure: Figure, upper: Figure | None, role: str, estimate: bool,
               period: str, paragraph: Paragraph, matcher: IndicatorMatcher) -> Candidate:
    quote = END_PUNCTUATION.sub("", clause.strip())
    indicator = matcher.match(clause, figure.unit)
    if upper is not None:
        low, _ = _signed(clause, figure, figure.value, "range")
        high, _ = _signed(clause, upper, upper.value, "range")
        low, high = sorted((low, high))
        return Candidate(role, None, low, high, "range", figure.unit, period, estimate, quote,
                         paragraph.line, indicator, [] if indicator else matcher.suggest(clause))
    value, qualifier = _signed(clause, figure, figure.value, _qualifier(clause, figure))
    return Candidate(role, value, None, None, qualifier, figure.unit, period,
                     estimate and role == "outcome", quote, paragraph.line, indicator,
                     [] if indicator else matcher.suggest(clause))


def _respectively(clause: str, figures: list[Figure], role: str, estimate: bool, period: str,
                  paragraph: Paragraph, matcher: IndicatorMatcher) -> list[Candidate]:
    """``A、B和C分别增长50%、30%和13%左右``: one candidate per subject, in order."""
    subjects_text = clause.split("分别")[0]
    verb = re.match(r"(增长|下降|达到|提高|降低)", clause.split("分别")[1])
    subjects = [s for s in subjects_text.split("、") if s.strip()]
    if len(subjects) < len(figures) and subjects:
        subjects[-1:] = [s for s in re.split(r"和|及", subjects[-1]) if s.strip()]
    shared_about = END_PUNCTUATION.sub("", clause).endswith("左右")
    found = []
    for position, figure in enumerate(figures):
        candidate = _candidate(clause, figure, None, role, estimate, period, paragraph, matcher)
        if shared_about and candidate.qualifier == "exact":
            candidate.qualifier = "about"
        if len(subjects) == len(figures):
            subject = subjects[position] + (verb[1] if verb else "")
            candidate.indicator = matcher.match(subject, figure.unit) or \
                matcher.match(subject + "收入" + (verb[1] if verb else ""), figure.unit)
            candidate.suggestions = [] if candidate.indicator else matcher.suggest(subject)
        found.append(candidate)
    return found
