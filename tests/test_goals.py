"""Goal ids and grouping."""

from __future__ import annotations

from datetime import date

from pipeline.goals import figure_slug, goal_id, group_goals
from pipeline.models import Entry, Source
from pipeline.periods import parse_period
from pipeline.records import Record

SOURCES = {s: Source(id=s, title=s, publisher="p", kind="news_report",
                     published=date(2020, 1, day), reliability="reprint")
           for s, day in (("a", 2), ("b", 1))}


def target(source: str = "a", scope: str = "national", **fields: object) -> Record:
    fields.setdefault("value", 600000)
    entry = Entry(role="target", indicator="new", period="2021", unit="count", source=source,
                  quote="q", note="n", **fields)
    return Record(entry, parse_period("2021"), 2020, "targets/2020.yaml", 1, 0, scope)


def test_figure_slugs() -> None:
    assert figure_slug(target(qualifier="at_least").entry) == "ge600000"
    assert figure_slug(target(value=-30, qualifier="at_most").entry) == "le-30"
    assert figure_slug(target(value=None, low=5.5, high=6, qualifier="range").entry) == "5.5to6"
    assert figure_slug(target(value=6.5, qualifier="about").entry) == "about6.5"


def test_goal_ids_name_scope_outside_national_and_honour_goal() -> None:
    assert goal_id(target()) == "new:2021:600000"
    assert goal_id(target(scope="hebei")) == "new:2021:600000:hebei"
    assert goal_id(target(goal="my-goal")) == "my-goal"


def test_statements_are_ordered_by_publication() -> None:
    goals = group_goals([target("a"), target("b")], SOURCES)
    assert [[s.entry.source for s in g.statements] for g in goals] == [["b", "a"]]
    assert goals[0].source_ids == ("b", "a")
