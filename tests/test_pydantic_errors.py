"""Pydantic errors become located problems keyed on the error type."""

from __future__ import annotations

from pipeline.models import Entry
from pipeline.pydantic_errors import validate_model
from pipeline.yaml_reader import parse_yaml


def test_errors_point_at_the_value_and_missing_fields_at_the_parent() -> None:
    document, _ = parse_yaml(b"entries:\n  - role: target\n    value: abc\n", "t.yaml")
    data = document.data["entries"][0]  # type: ignore[index]
    model, problems = validate_model(Entry, data, document, ("entries", 0))
    assert model is None
    lines = [p.format() for p in problems]
    assert ("t.yaml:3:12: entries[0].value: expected a number, got 'abc' (hint: write digits "
            "in base units without quotes, e.g. 126000 or 6.5)") in lines
    assert ("t.yaml:2:5: entries[0].quote: required field is missing "
            "(hint: add 'quote:' to this entry)") in lines
    assert {p.code for p in problems} >= {"missing", "float_type"}


def test_valid_data_gives_a_model_and_no_problems() -> None:
    document, _ = parse_yaml(b"x: 1\n", "t.yaml")
    data = {"role": "outcome", "indicator": "va", "period": "2020", "value": 1,
            "unit": "percent", "source": "s", "quote": "q", "note": "n"}
    model, problems = validate_model(Entry, data, document)
    assert model is not None and problems == []
