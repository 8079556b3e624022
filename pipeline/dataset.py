"""Load the whole project: registries in ``data/``, year files in ``targets/``.

Loading never raises on bad input: every problem is collected, invalid entries are
left out, and everything valid is kept so that tools can still work on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import BaseModel

from pipeline import checks
from pipeline.models import (
    Entry,
    Indicator,
    IndicatorRegistry,
    Source,
    SourceRegistry,
    YearFile,
)
from pipeline.problems import Path as FieldPath
from pipeline.problems import Problem, format_path
from pipeline.pydantic_errors import M, validate_model
from pipeline.records import Record
from pipeline.scopes import NATIONAL, PROVINCES, SCOPES
from pipeline.suggest import did_you_mean
from pipeline.yaml_reader import Document, read_yaml

INDICATORS_FILE = Path("data/indicators.yaml")
SOURCES_FILE = Path("data/sources.yaml")
TARGETS_DIR = Path("targets")
YEAR_FILE = re.compile(r"^(\d{4})\.yaml$")


@dataclass
class Dataset:
    """Everything valid in the project, and everything wrong with it."""

    indicators: dict[str, Indicator] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    _aliases: tuple[object, dict[str, str]] | None = field(default=None, repr=False,
                                                           compare=False)

    def aliases(self) -> dict[str, str]:
        """Every alias (and Chinese name) mapped to its indicator id; built once per
        indicator registry, not once per year file."""
        if self._aliases is None or self._aliases[0] is not self.indicators:
            table: dict[str, str] = {}
            for indicator in self.indicators.values():
                for name in (indicator.zh, *indicator.aliases):
                    table.setdefault(name, indicator.id)
            self._aliases = (self.indicators, table)
        return self._aliases[1]


def find_root(start: Path | None = None) -> Path:
    """The project folder: the nearest parent of ``start`` with ``data/`` and ``targets/``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / INDICATORS_FILE).is_file() and (folder / TARGETS_DIR).is_dir():
            return folder
    return Path(__file__).resolve().parent.parent


def year_files(root: Path) -> list[Path]:
    """National files ``targets/<year>.yaml`` and provincial ``targets/<scope>/<year>.yaml``."""
    folder = root / TARGETS_DIR
    return sorted([*folder.glob("*.yaml"), *folder.glob("*/*.yaml")])


def load_registries(root: Path) -> Dataset:
    """Only the indicator and source registries (and their problems)."""
    dataset = Dataset()
    dataset.indicators = _load_registry(root, INDICATORS_FILE, IndicatorRegistry, "indicators",
                                        Indicator, dataset)
    dataset.sources = _load_registry(root, SOURCES_FILE, SourceRegistry, "sources", Source,
                                     dataset)
    dataset.problems.extend(_flow_links(root, dataset.indicators))
    return dataset


def _flow_links(root: Path, indicators: dict[str, Indicator]) -> list[Problem]:
    """A flow's ``flow_of`` names a stock of the same unit."""
    problems = []
    for index, indicator in enumerate(indicators.values()):
        stock = indicators.get(indicator.flow_of or "")
        if indicator.flow_of is None or (stock is not None and stock.measure == "stock"
                                         and stock.unit == indicator.unit):
            continue
        document, _ = read_yaml(root / INDICATORS_FILE, INDICATORS_FILE.as_posix())
        path = ("indicators", index, "flow_of")
        found = "an unknown id" if stock is None else f"a {stock.measure} in {stock.unit!r}"
        problems.append(document.problem(
            path, format_path(path), f"flow_of must name a stock indicator in "
            f"{indicator.unit!r}, got {indicator.flow_of!r} ({found})",
            did_you_mean(indicator.flow_of, indicators) or "name the cumulative indicator whose "
            "year-end difference this flow is", code="flow_of"))
    return problems


def load_project(root: Path, paths: Iterable[Path] | None = None) -> Dataset:
    """Load registries and year files under ``root`` (or only the year files in ``paths``)."""
    dataset = load_registries(root)
    for path in sorted(paths) if paths is not None else year_files(root):
        load_year_file(path, root, dataset)
    dataset.records, duplicates = without_duplicates(dataset.records)
    dataset.problems.extend(duplicates)
    dataset.problems.sort(key=Problem.sort_key)
    return dataset


def _display(path: Path, root: Path) -> str:
    """``targets/2019.yaml``: the path as the analyst knows it, relative to the project."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            return str(path)


def _load_registry(root: Path, relative: Path, shape: type[BaseModel], key: str,
                   model: type[M], dataset: Dataset) -> dict[str, M]:
    document, problems = read_yaml(root / relative, relative.as_posix())
    dataset.files.append(relative.as_posix())
    dataset.problems.extend(problems)
    if problems:
        return {}
    top, problems = validate_model(shape, document.data or {}, document)
    dataset.problems.extend(problems)
    if top is None:
        return {}
    items: dict[str, M] = {}
    for index, raw in enumerate(getattr(top, key)):
        item, problems = validate_model(model, raw, document, (key, index))
        dataset.problems.extend(problems)
        if item is None:
            continue
        item_id = item.id  # type: ignore[attr-defined]
        if item_id in items:
            dataset.problems.append(document.problem(
                (key, index, "id"), format_path((key, index, "id")), f"duplicate id {item_id!r}",
                "each id must be unique; rename one or merge them", code="duplicate_id"))
            continue
        items[item_id] = item
        if isinstance(item, Indicator):
            dataset.problems.extend(_alias_clashes(item, index, items, document))
    return items


def _alias_clashes(indicator: Indicator, index: int, known: dict[str, BaseModel],
                   document: Document) -> list[Problem]:
    problems = []
    for position, alias in enumerate(indicator.aliases):
        for other in known.values():
            if other is not indicator and isinstance(other, Indicator) and alias in other.aliases:
                path = ("indicators", index, "aliases", position)
                problems.append(document.problem(
                    path, format_path(path), f"alias {alias!r} is also an alias of {other.id!r}",
                    "an alias must name exactly one indicator", code="duplicate_alias"))
    return problems


def load_year_file(path: Path, root: Path, dataset: Dataset) -> None:
    """Validate one year file and add its valid entries to ``dataset``."""
    name = _display(path, root)
    dataset.files.append(name)
    document, read_problems = read_yaml(path, name)
    dataset.problems.extend(read_problems)
    if read_problems and document.data is None:
        return
    records, problems = _year_entries(path, document, dataset)
    already = {p.field for p in read_problems}  # don't repeat what the reader already said
    dataset.problems.extend(p for p in problems if p.field not in already)
    dataset.records.extend(records)


def _year_entries(path: Path, document: Document,
                  dataset: Dataset) -> tuple[list[Record], list[Problem]]:
    match = YEAR_FILE.match(path.name)
    if not match:
        return [], [Problem(document.file, 1, 1, "", "year files are named after their year",
                            "rename it to targets/YYYY.yaml", "file_name")]
    top, problems = validate_model(YearFile, document.data or {}, document)
    if top is None:
        return [], problems
    if top.year != int(match[1]):
        return [], [document.problem(
            ("year",), "year", f"file is {path.name} but says year {top.year}",
            f"write 'year: {match[1]}' or rename the file", code="year_mismatch")]
    if scope_problem := _scope_problem(path, top.scope, document):
        return [], [scope_problem]
    aliases = dataset.aliases()
    records = []
    lines = _entry_lines(document)
    for index, raw in enumerate(top.entries):
        record, entry_problems = _check_entry(raw, index, top, document, dataset, aliases,
                                              lines)
        problems.extend(entry_problems)
        if record is not None:
            records.append(record)
    return records, problems


def _scope_problem(path: Path, scope: str, document: Document) -> Problem | None:
    """A province's file lives in targets/<province>/; national files directly in targets/."""
    if scope not in SCOPES:
        hint = did_you_mean(scope, SCOPES) or f"scopes: national, {', '.join(PROVINCES)}"
        return document.problem(("scope",), "scope", f"unknown scope {scope!r}", hint,
                                code="unknown_scope")
    folder = path.parent.name
    expected = NATIONAL if folder == TARGETS_DIR.name else folder
    if scope != expected:
        place = "targets/" if scope == NATIONAL else f"targets/{scope}/"
        return document.problem(("scope",), "scope", f"scope {scope!r} does not fit the file's "
                                f"folder {folder!r}", f"move the file to {place}",
                                code="scope_folder")
    return None


def _entry_lines(document: Document) -> list[int]:
    """The line each entry starts on, read once from the node tree."""
    root = document.root
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if key.value == "entries" and isinstance(value, yaml.SequenceNode):
                return [item.start_mark.line + 1 for item in value.value]
    return []


def _check_entry(raw: dict[str, object], index: int, top: YearFile, document: Document,
                 dataset: Dataset, aliases: dict[str, str],
                 lines: list[int]) -> tuple[Record | None, list[Problem]]:
    year = top.year
    prefix: FieldPath = ("entries", index)
    entry, problems = validate_model(Entry, raw, document, prefix)
    if entry is None:
        return None, problems

    def at(field_name: str, message: str, hint: str = "", code: str = "invalid") -> Problem:
        path = (*prefix, field_name)
        return document.problem(path, format_path(path), message, hint, code=code)

    problems = (checks.check_draft(entry, at) + checks.check_shape(entry, at)
                + checks.check_sign(entry, at)
                + checks.check_role_fields(entry, dataset.indicators, at))
    indicator = checks.check_indicator(entry, dataset.indicators, aliases, at)
    period = checks.check_period(entry, at)
    source = checks.check_source(entry, dataset.sources, at)
    problems += [p for p in (indicator, period, source) if isinstance(p, Problem)]
    if isinstance(period, Problem) or isinstance(source, Problem):
        return None, problems
    problems += checks.check_timing(entry, period, source, year, at)
    if problems:
        return None, problems
    line = lines[index] if index < len(lines) else document.where(prefix)[0]
    return Record(entry, period, year, document.file, line, index, top.scope), []


def without_duplicates(records: list[Record]) -> tuple[list[Record], list[Problem]]:
    """Keep the first of records that say the same thing; report the others."""
    first: dict[tuple[str, str, str, str, str], Record] = {}
    problems = []
    for record in records:
        key = record.natural_key
        if key in first:
            earlier = first[key]
            problems.append(Problem(
                record.file, record.line, 1, format_path(("entries", record.index)),
                f"duplicate record: {record.entry.role} for {record.entry.indicator} "
                f"{record.period.text} from {record.entry.source} is already at "
                f"{earlier.location}", "keep one; a differing figure needs its own source",
                "duplicate_record"))
        else:
            first[key] = record
    return list(first.values()), problems
