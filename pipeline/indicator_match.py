"""Find the registry indicator a piece of report text is about, by names and aliases.

A thin face over :mod:`pipeline.indicator_rank`, the one ranking engine extract and validate
share.
"""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.indicator_rank import IndicatorRanker, Suggestion
from pipeline.models import Indicator


class IndicatorMatcher:
    """Find indicators by their Chinese names and aliases inside a clause."""

    def __init__(self, indicators: Iterable[Indicator]) -> None:
        self.ranker = IndicatorRanker(indicators)
        self.indicators = self.ranker.indicators
        by_unit: dict[str, list[str]] = {}
        for indicator in self.indicators.values():
            by_unit.setdefault(indicator.unit, []).append(indicator.id)
        self._sole = {unit: ids[0] for unit, ids in by_unit.items() if len(ids) == 1}

    def match(self, clause: str, unit: str, own: str | None = None) -> str:
        """The best-ranked indicator whose whole name appears in ``clause`` and whose unit
        fits, or ``''``; ``own``: see :meth:`IndicatorRanker.rank`."""
        best = self.ranker.best(clause, unit, own)
        return best.id if best else ""

    def shares_words(self, indicator_id: str, words: str) -> bool:
        """Whether a name of ``indicator_id`` shares a word piece with ``words``."""
        return self.ranker.shares_words(indicator_id, words)

    def sole(self, unit: str) -> str:
        """The one indicator measured in ``unit`` (部/百人, 个/万人), or ``''`` when the
        registry has none or several."""
        return self._sole.get(unit, "")

    def suggest(self, clause: str, limit: int = 3, unit: str = "") -> list[str]:
        """Ids of the indicators ranked best for ``clause``."""
        return [s.id for s in self.ranker.rank(clause, unit, limit)]

    def suggestions(self, clause: str, unit: str = "", limit: int = 3,
                    own: str | None = None) -> list[Suggestion]:
        """The ranked indicators for ``clause``, each with its reason."""
        return self.ranker.rank(clause, unit, limit, own)
