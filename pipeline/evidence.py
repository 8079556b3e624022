"""How strong the evidence under a verdict is, and what an official review said of it."""

from __future__ import annotations

from typing import Literal

from pipeline.models import Source

Evidence = Literal["official", "reprint", "mirror", "unreliable"]
EVIDENCE_LEVELS: tuple[Evidence, ...] = ("official", "reprint", "mirror", "unreliable")
_BY_RELIABILITY: dict[str, Evidence] = {"primary": "official", "reprint": "reprint",
                                        "mirror": "mirror", "unreliable": "unreliable"}

# Official wording → the verdict it amounts to; the first match in this order wins.
_MISSED_WORDS = ("未完成", "未能完成", "没有完成", "未实现", "未达到", "未达成", "滞后", "低于预期",
                 "not met", "missed", "fell short", "behind")
_EXCEEDED_WORDS = ("加倍完成", "超额完成", "超额", "提前完成", "优于", "exceeded", "over-fulfilled")
_MET_WORDS = ("低于", "控制在", "以内", "完成", "实现", "达到", "达成", "met", "achieved",
              "completed")


def evidence_of(source: Source) -> Evidence:
    """``official`` (the issuing body's own page), ``reprint`` (an outlet's copy of an
    official release), ``mirror`` (a copy on an unrelated site) or ``unreliable``."""
    return _BY_RELIABILITY[source.reliability]


def weakest(sources: list[Source]) -> Evidence:
    """The weakest level among the sources a figure rests on (a derived figure has two)."""
    return max((evidence_of(s) for s in sources), key=EVIDENCE_LEVELS.index)


def judgement_status(wording: str) -> str:
    """The verdict an official judgement amounts to: ``exceeded``, ``met``, ``missed``, or
    ``""`` when its words say none of these. 低于5.5%左右的预期目标 is within a limit: met."""
    text = wording.lower()
    for status, words in (("missed", _MISSED_WORDS), ("exceeded", _EXCEEDED_WORDS),
                          ("met", _MET_WORDS)):
        if any(word in text for word in words):
            return status
    return ""
