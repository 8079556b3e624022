"""Validated records: ids and keys."""

from __future__ import annotations

from pipeline.models import Entry
from pipeline.periods import parse_period
from pipeline.records import Record


def test_record_id_and_natural_key() -> None:
    entry = Entry(role="target", indicator="va", period="2021-2025", value=6, unit="percent",
                  source="plan", quote="q", note="n")
    record = Record(entry, parse_period("2021-2025"), 2021, "targets/2021.yaml", 12, 3)
    assert record.record_id == "2021:target:va:2021-2025:plan"
    assert record.natural_key == ("target", "va", "2021-2025", "plan", "national")
    assert record.location == "targets/2021.yaml:12"
    assert not record.is_milestone
    provincial = Record(entry, parse_period("2021-2025"), 2021, "targets/hebei/2021.yaml", 3, 0,
                        "hebei")
    assert provincial.record_id == "2021:target:va:2021-2025:plan:hebei"
    assert provincial.natural_key[-1] == "hebei"
