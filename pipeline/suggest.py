"""Did-you-mean suggestions for mistyped ids, keys and choices."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, choices: Iterable[str], limit: int = 3) -> list[str]:
    """Up to ``limit`` choices that look like ``word``, best first."""
    pool = list(choices)
    matches = difflib.get_close_matches(word, pool, n=limit, cutoff=0.6)
    if not matches:
        lowered = word.lower()
        matches = [c for c in pool if lowered and (lowered in c.lower() or c.lower() in lowered)]
    return matches[:limit]


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``"did you mean 'x'?"`` for the best match, or ``''`` when nothing is close."""
    matches = closest(word, choices)
    if not matches:
        return ""
    return "did you mean " + " or ".join(repr(m) for m in matches) + "?"
