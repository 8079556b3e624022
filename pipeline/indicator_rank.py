"""Rank the registry's indicators for a phrase, each with the reason it was ranked.

One engine for ``goalpost extract`` (which indicator a drafted figure is about) and
``goalpost validate`` (what to write for an unknown indicator id), so both name the same
indicators for the same quote. A candidate indicator must fit the figure's unit; then it
scores on its names (a whole name or alias inside the phrase beats shared word pieces), on
scope words (规模以上工业 is not 国内生产总值), and on stock against flow (新建 is a flow,
总数 a level).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.models import Indicator
from pipeline.report_text import unspin

# Scope words: a phrase naming one of these is not about an indicator naming another.
SCOPES = {
    "规模以上工业": ("规模以上工业", "规模以上企业", "规上工业", "工业增加值", "工业企业", "工业"),
    "国内生产总值": ("国内生产总值", "GDP", "地区生产总值"),
    "制造业": ("制造业",),
    "中小企业": ("中小企业",),
    "移动": ("移动",),
    "固定": ("固定",),
}
FLOW_WORDS = ("新建", "新增", "净增", "新开通", "新遴选", "新批准", "新认定", "新培育", "当年",
              "遴选", "再培育")
# Level words are checked first, then flow words, then the weak level words.
STOCK_WORDS = ("累计", "总数", "总规模", "总量达", "共有", "现有", "已培育", "已达")
WEAK_STOCK_WORDS = ("共建成", "已建成", "达到", "达", "占")
CHANGE_WORDS = {"增长", "下降", "降低", "提高", "增速", "变化", "达到", "比重", "占比", "同比"}
COUNT_UNITS = ("count", "people", "users", "households", "connections", "racks", "vehicles")
NAME_SUFFIX = re.compile(r"(增长|下降|增速|变化|降低|提高)$|[((]累计[))]$")


@dataclass(frozen=True, slots=True)
class Suggestion:
    """An indicator for a phrase: its id, its score, and why (``name 能耗 + unit percent``)."""

    id: str
    score: float
    reason: str
    whole_name: bool  # a whole name or alias appears in the phrase
    # At equal scores the nearer name first: more word pieces shared with the figure's own
    # words (强度达到2.8% is 研发投入强度), then a longer name (城镇调查失业率…均值).
    nearness: tuple[int, int] = (0, 0)


def unit_fits(indicator_unit: str, figure_unit: str) -> bool:
    """A figure read as ``count`` fits any counted unit; others must be the same unit."""
    if not figure_unit:
        return True
    if figure_unit == "count":
        return indicator_unit in COUNT_UNITS
    return indicator_unit == figure_unit


def _bigrams(text: str) -> set[str]:
    return {text[i: i + 2] for i in range(len(text) - 1)}


# Words that bound what is counted (which firms, where) rather than name it.
SCOPE_WORDS = re.compile(r"规模以上工业|规模以上企业|规上工业|规模以上|全国")


def _core(text: str) -> str:
    """What is measured, without its scope: 规模以上工业单位增加值能耗 → 单位增加值能耗."""
    return SCOPE_WORDS.sub("|", text)


def _scope(text: str) -> str:
    """The scope a text names first by its most specific word, or ``''``."""
    for scope, words in SCOPES.items():
        if any(word.lower() in text for word in words):  # text is folded: gdp
            return scope
    return ""


def measure_cue(text: str) -> tuple[str, str]:
    """``('stock', '累计')``, ``('flow', '新建')``, ``('stock', '达到')`` or ``('', '')``."""
    for measure, words in (("stock", STOCK_WORDS), ("flow", FLOW_WORDS),
                           ("stock", WEAK_STOCK_WORDS)):
        for word in words:
            if word in text:
                return measure, word
    return "", ""


FIGURE_DIGITS = re.compile(r"(?<![a-z])\d+(?:\.\d+)?(?![a-z\d.])")
QUOTES_AND_SPACES = re.compile(r"[\s“”‘’\"'「」『』]")


def fold(text: str) -> str:
    """Wording for comparing names: the spinner undone, quote marks and spaces dropped, Latin
    letters in lower case (违规APP is 违规App, ‘5G+工业互联网’ is “5G+工业互联网”)."""
    return QUOTES_AND_SPACES.sub("", unspin(text)).lower()


@dataclass(frozen=True, slots=True)
class _Phrase:
    """What ranking reads from a phrase, worked out once for all indicators."""

    text: str  # folded
    chars: frozenset[str]  # its characters, the figures' digits left out
    pieces: frozenset[str]  # word pieces of what is measured, scope words apart
    known: float  # their total weight
    cues: str  # where scope and stock or flow are read: the figure's own words, or text
    own_pieces: frozenset[str] | None  # word pieces of the figure's own words, when given


class IndicatorRanker:
    """The registry's names, ready to rank indicators for a phrase."""

    def __init__(self, indicators: Iterable[Indicator]) -> None:
        self.indicators = {i.id: i for i in indicators}
        self.names: dict[str, list[str]] = {}
        self.shown: dict[str, str] = {}  # a folded name -> the name as the registry writes it
        for indicator in self.indicators.values():
            for written in (indicator.zh, *indicator.aliases):
                self.shown.setdefault(fold(written), unspin(written))
                self.shown.setdefault(NAME_SUFFIX.sub("", fold(written)),
                                      NAME_SUFFIX.sub("", unspin(written)))
            names = {fold(n) for n in (indicator.zh, *indicator.aliases)}
            names |= {NAME_SUFFIX.sub("", n) for n in names if len(NAME_SUFFIX.sub("", n)) >= 4}
            self.names[indicator.id] = sorted(names, key=len, reverse=True)
        self.scopes = {i: _scope("".join(n)) for i, n in self.names.items()}
        self.pieces = {n: frozenset(_bigrams(n)) for names in self.names.values() for n in names}
        self.core_pieces = {n: frozenset(_bigrams(_core(n))) for n in self.pieces}
        counts: dict[str, int] = {}
        for names in self.names.values():
            for piece in set().union(*(self.pieces[n] for n in names)):
                counts[piece] = counts.get(piece, 0) + 1
        total = max(1, len(self.names))
        # A rare piece (能耗) says more than a common one (规模, 工业).
        self.weight = {p: math.log(1 + total / n) for p, n in counts.items()}
        self.core_weight = {n: max(1e-9, sum(self.weight.get(p, 0) for p in pieces))
                            for n, pieces in self.core_pieces.items()}

    def rank(self, phrase: str, unit: str = "", limit: int = 3,
             own: str | None = None) -> list[Suggestion]:
        """Up to ``limit`` indicators for ``phrase`` measured in ``unit``, best first. With
        ``own`` (the figure's own words, when ``phrase`` adds a subject said before them),
        scope and stock or flow are read from ``own`` alone."""
        said = self._phrase(phrase, own)
        scored = [s for i in self.indicators if (s := self._score(i, said, unit)) is not None]
        scored.sort(key=lambda s: (-s.score, tuple(-n for n in s.nearness), s.id))
        return scored[:limit]

    def best(self, phrase: str, unit: str = "", own: str | None = None) -> Suggestion | None:
        """The top indicator when a whole name of it is in ``phrase``, else ``None``."""
        ranked = self.rank(phrase, unit, limit=1, own=own)
        return ranked[0] if ranked and ranked[0].whole_name else None

    def shares_words(self, indicator_id: str, words: str) -> bool:
        """Whether any name of the indicator shares a word piece with ``words``."""
        pieces = _bigrams(fold(words))
        return any(self.pieces[name] & pieces for name in self.names[indicator_id])

    def _phrase(self, phrase: str, own: str | None) -> _Phrase:
        text = fold(phrase)
        pieces = frozenset(_bigrams(_core(text)))  # scope words score apart
        known = sum(self.weight.get(p, 0) for p in pieces) or 1e-9
        cues = text if own is None else fold(own)
        return _Phrase(text, frozenset(FIGURE_DIGITS.sub("", text)), pieces, known, cues,
                       None if own is None else frozenset(_bigrams(cues)))

    def _score(self, indicator_id: str, said: _Phrase, unit: str) -> Suggestion | None:
        indicator = self.indicators[indicator_id]
        if not unit_fits(indicator.unit, unit):
            return None
        folded, whole, score = self._name_score(indicator_id, said)
        if score <= 0:
            return None
        name = self.shown.get(folded, folded)
        reasons = [f"name {name}" if whole else f"words of {name}"]
        scope = _scope(said.cues)
        if scope and self.scopes[indicator_id]:
            same = scope == self.scopes[indicator_id]
            score += 3 if same else -6
            reasons.append(f"scope {scope}" if same else f"other scope {self.scopes[indicator_id]}")
        measure, word = measure_cue(said.cues)
        if not measure and indicator.measure == "stock" and unit == "count":
            score += 0.5  # a count with no 新建/新增 is a level more often than a flow
        if measure and indicator.measure in ("stock", "flow"):
            weak = word in WEAK_STOCK_WORDS
            same = measure == indicator.measure
            score += (1 if weak else 3) if same else (-1 if weak else -6)
            reasons.append(f"{measure} {word}" if same
                           else f"{indicator.measure}, not {measure} {word}")
        own_shared = len(self.pieces[folded] & said.own_pieces) if said.own_pieces else 0
        if said.own_pieces is not None and not own_shared:
            score -= 3  # the figure's own words say nothing of this name: the subject alone
        if unit:
            reasons.append(f"unit {indicator.unit}")
        return Suggestion(indicator_id, score, " + ".join(reasons), whole,
                          (own_shared, len(folded)))

    def _name_score(self, indicator_id: str, said: _Phrase) -> tuple[str, bool, float]:
        """The best of an indicator's names: whole (10 + its length) or shared pieces."""
        best = ("", False, 0.0)
        for name in self.names[indicator_id]:
            if name in said.text:
                return name, True, 10.0 + len(name)
        for name in self.names[indicator_id]:  # 548.8万个 does not spell the 5 of 5G, but
            if len(name) >= 4 and set(name) <= said.chars:  # 5G基站要新建 has 新建5G基站
                return name, True, 8.0 + len(name)
        for name in self.names[indicator_id]:
            own = self.core_pieces[name]
            if not (said.pieces & own) - CHANGE_WORDS:
                continue  # sharing only 增长 or 下降 says nothing about what is measured
            common = sum(self.weight.get(p, 0) for p in said.pieces & own)
            # the share of the name found, and the share of the phrase's words explained
            shared = (common / self.core_weight[name] + common / said.known) / 2
            if shared > 0.2 and 5 * shared > best[2]:
                best = (name, False, 5 * shared)
        return best


def suggestion_text(suggestions: Iterable[Suggestion]) -> str:
    """``a (name … + unit percent), b (…)`` for a hint or a draft comment."""
    return ", ".join(f"{s.id} ({s.reason})" for s in suggestions)
