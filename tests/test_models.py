"""The pydantic models are strict: unknown keys, quoted numbers and yes/no are refused."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from pipeline.models import Entry, Indicator, Source

ENTRY = {"role": "target", "indicator": "va", "period": 2020, "value": 6, "unit": "percent",
         "source": "s", "quote": "q", "note": "n"}


def error_types(model: type, data: dict[str, object]) -> list[str]:
    with pytest.raises(ValidationError) as error:
        model.model_validate(data)
    return [e["type"] for e in error.value.errors()]


def test_a_year_period_written_as_a_number_becomes_text() -> None:
    assert Entry.model_validate(ENTRY).period == "2020"


@pytest.mark.parametrize(("change", "kind"), [
    ({"value": "6"}, "float_type"), ({"value": True}, "float_type"),
    ({"estimate": "yes"}, "bool_type"), ({"extra": 1}, "extra_forbidden"),
    ({"qualifier": "approx"}, "literal_error"), ({"quote": ""}, "string_too_short"),
    ({"value": float("nan")}, "finite_number"),
])
def test_entries_are_strict(change: dict[str, object], kind: str) -> None:
    assert error_types(Entry, ENTRY | change) == [kind]


def test_sources_accept_only_web_links_and_real_dates() -> None:
    base = {"id": "s", "title": "t", "publisher": "p", "published": "2020-01-20",
            "kind": "news_report"}
    assert Source.model_validate(base | {"url": "https://a.cn/x"}).published.day == 20
    assert error_types(Source, base | {"url": "file:///etc/passwd"}) == ["url_scheme"]
    assert error_types(Source, base | {"url": "javascript:alert(1)"}) == ["url_scheme"]
    assert error_types(Source, base | {"published": "2020-02-30"}) == ["date_value"]


def test_indicator_ids_are_slugs() -> None:
    base = {"id": "va", "zh": "增", "en": "g", "unit": "percent", "category": "industry",
            "better": "higher", "measure": "rate"}
    assert Indicator.model_validate(base).aliases == []
    assert error_types(Indicator, base | {"id": "Va Growth"}) == ["string_pattern_mismatch"]
