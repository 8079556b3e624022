"""The one-line problem format."""

from __future__ import annotations

from pipeline.problems import Problem, format_path, show


def test_format_with_and_without_field_and_hint() -> None:
    assert Problem("t.yaml", 4, 7, "entries[3].value", "expected a number, got 'abc'").format() \
        == "t.yaml:4:7: entries[3].value: expected a number, got 'abc'"
    assert Problem("t.yaml", 1, 1, "", "bad", "fix it").format() == "t.yaml:1:1: bad (hint: fix it)"


def test_format_path() -> None:
    assert format_path(("entries", 3, "value")) == "entries[3].value"
    assert format_path(("indicators", 0, "aliases", 2)) == "indicators[0].aliases[2]"
    assert format_path(()) == ""


def test_show_keeps_one_line_and_is_short() -> None:
    assert show("a\nb") == "'a\\nb'"
    assert show(None) == "nothing"
    assert show(True) == "true"
    assert len(show("x" * 500)) == 60
