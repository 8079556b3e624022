"""Normalise Chinese text so that a quote and its archived copy compare equal.

Archived pages come in traditional characters, with pinyin glosses after characters
(``業(yè)``), full-width or curly punctuation and stray spaces. Both sides of a
comparison go through :func:`normalise`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import opencc

_PINYIN_GLOSS = re.compile(
    r"(?<=[\u3400-\u9fff])\((?:[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿê]+)\)")
_QUOTES = str.maketrans({c: '"' for c in "“”„‟「」『』〝〞﹁﹂"} | {c: "'" for c in "‘’‚‛"})
_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−~～〜"})
_SPACE = re.compile(r"\s+")


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def strip_pinyin_glosses(text: str) -> str:
    """``業(yè)務`` → ``業務``: drop the pinyin some mirrors print after each character."""
    return _PINYIN_GLOSS.sub("", text)


def to_simplified(text: str) -> str:
    """Traditional → simplified Chinese characters (OpenCC ``t2s``)."""
    return _converter().convert(text)


def normalise(text: str) -> str:
    """The comparable form: glosses removed, simplified, half-width, unified punctuation."""
    text = strip_pinyin_glosses(text)
    text = unicodedata.normalize("NFKC", text)  # full-width → half-width, ％ → %, （ → (
    text = to_simplified(text)
    text = text.translate(_QUOTES).translate(_DASHES)
    return _SPACE.sub("", text)
