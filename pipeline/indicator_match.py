"""Find the registry indicator a piece of report text is about, by names and aliases."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.models import Indicator
from pipeline.report_text import unspin


class IndicatorMatcher:
    """Find indicators by their Chinese names and aliases inside a clause."""

    def __init__(self, indicators: Iterable[Indicator]) -> None:
        self.indicators = {i.id: i for i in indicators}
        names: list[tuple[str, str]] = []
        for indicator in self.indicators.values():
            for name in {indicator.zh, *indicator.aliases}:
                names.append((unspin(name), indicator.id))
                stem = re.sub(r"(增长|下降|增速|变化)$", "", unspin(name))
                if len(stem) >= 4 and stem != name:
                    names.append((stem, indicator.id))
        self.names = sorted(names, key=lambda pair: len(pair[0]), reverse=True)

    def match(self, clause: str, unit: str) -> str:
        """The indicator whose longest name appears in ``clause`` and whose unit fits."""
        text = unspin(clause)
        for name, indicator_id in self.names:
            if name in text and _unit_fits(self.indicators[indicator_id].unit, unit):
                return indicator_id
        return ""

    def suggest(self, clause: str, limit: int = 3) -> list[str]:
        """Indicators whose names share the most two-character pieces with ``clause``."""
        pieces = _bigrams(unspin(clause))
        scores: dict[str, float] = {}
        for name, indicator_id in self.names:
            shared = len(pieces & _bigrams(name)) / max(1, len(_bigrams(name)))
            scores[indicator_id] = max(scores.get(indicator_id, 0.0), shared)
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        return [indicator_id for indicator_id, score in ranked[:limit] if score > 0.2]


def _bigrams(text: str) -> set[str]:
    return {text[i: i + 2] for i in range(len(text) - 1)}


def _unit_fits(indicator_unit: str, figure_unit: str) -> bool:
    if figure_unit == "percent":
        return indicator_unit == "percent"
    if figure_unit == "count":
        return indicator_unit in ("count", "people", "users", "households", "connections", "racks",
                                  "vehicles")
    return indicator_unit == figure_unit
