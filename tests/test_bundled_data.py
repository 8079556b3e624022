"""The data shipped in targets/ and data/ validates, and its figures match the source texts."""

from __future__ import annotations

from conftest import PROJECT_ROOT

from pipeline.dataset import load_project
from pipeline.verdicts import rate_all


def test_bundled_data_validates() -> None:
    dataset = load_project(PROJECT_ROOT)
    assert [p.format() for p in dataset.problems] == []
    assert len(dataset.records) > 30


def test_every_target_gets_one_verdict() -> None:
    dataset = load_project(PROJECT_ROOT)
    verdicts = rate_all(dataset.records, dataset.indicators, dataset.sources)
    targets = [r for r in dataset.records if r.entry.role == "target"]
    assert [v.target for v in verdicts] == targets
