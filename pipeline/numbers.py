"""Read the figures printed in Chinese text, in base units (12.6万 → 126000)."""

from __future__ import annotations

import re

MULTIPLIERS = {"万亿": 10**12, "亿": 10**8, "万": 10**4, "千": 10**3}
_NUMBER = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)\s*[多余]?\s*(万亿|亿|万|千(?![米克瓦兆]))?")


def figures(text: str) -> list[float]:
    """Every number in ``text``, multiplied out: ``新建5G基站超60万个`` → ``[5.0, 600000.0]``."""
    found = []
    for match in _NUMBER.finditer(text):
        number = float(match[1].replace(",", ""))
        if match[2]:
            number = round(number * MULTIPLIERS[match[2]], 6)
        found.append(number)
    return found
