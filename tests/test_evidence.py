"""Evidence levels and official judgement wording."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.evidence import evidence_of, judgement_status, weakest
from pipeline.models import Source


def source(reliability: str) -> Source:
    return Source(id="s", title="t", publisher="p", kind="news_report",
                  published=date(2020, 1, 1), reliability=reliability)


def test_levels_follow_reliability_and_the_weakest_counts() -> None:
    assert evidence_of(source("primary")) == "official"
    assert evidence_of(source("mirror")) == "mirror"
    assert weakest([source("primary"), source("unreliable")]) == "unreliable"


@pytest.mark.parametrize(("wording", "status"), [
    ("超额完成网络提速降费年度任务", "exceeded"), ("加倍完成", "exceeded"),
    ("低于5.5%左右的预期目标", "met"), ("完成了…的任务要求", "met"),
    ("分别优于6%和5.5%左右的预期目标", "exceeded"), ("4项指标滞后预期", "missed"),
    ("全面部署", "")])
def test_judgement_wording(wording: str, status: str) -> None:
    assert judgement_status(wording) == status
