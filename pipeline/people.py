"""Numbers for people: 3.7万亿元 / 3.7 trillion yuan, 12亿 / 1.2 billion, in the reader's language.

Babel's compact decimal formatting knows how Chinese (万, 亿, 万亿) and English (thousand,
million, billion) group large numbers; small numbers keep their digits.
"""

from __future__ import annotations

from babel.numbers import format_compact_decimal, format_decimal

COMPACT_FROM = {"en": 1_000_000, "zh": 10_000}  # 600,000 reads best as it is; 60万 too
LOCALES = {"en": "en", "zh": "zh_CN"}


def readable(value: float, language: str = "en") -> str:
    """``126000`` → ``12.6万`` / ``126,000``; ``3.7e12`` → ``3.7万亿`` / ``3.7 trillion``;
    below 10,000 (English: a million) the figure as written (``5.2``, ``1,800``)."""
    locale = LOCALES[language]
    if abs(value) < COMPACT_FROM[language]:
        return format_decimal(value, locale=locale, decimal_quantization=False)
    text = format_compact_decimal(value, locale=locale, format_type="long" if language == "en"
                                  else "short", fraction_digits=3 if language == "en" else 2)
    return text
