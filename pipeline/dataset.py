"""Load the whole project: registries in ``data/``, year files in ``targets/``.

Loading never raises on bad input: every problem is collected, invalid entries are
left out, and everything valid is kept so that tools can still work on it.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel

from pipeline import checks
from pipeline.files import inside, kind
from pipeline.models import (
    Entry,
    Indicator,
    IndicatorRegistry,
    Source,
    SourceRegistry,
    YearFile,
)
from pipeline.problems import Path as FieldPath
from pipeline.problems import Problem, format_path, show
from pipeline.pydantic_errors import M, validate_model
from pipeline.records import Record
from pipeline.scopes import NATIONAL, PROVINCES, SCOPES
from pipeline.suggest import did_you_mean
from pipeline.yaml_reader import Document, parse_yaml, read_yaml

INDICATORS_FILE = Path("data/indicators.yaml")
SOURCES_FILE = Path("data/sources.yaml")
TARGETS_DIR = Path("targets")
YEAR_FILE = re.compile(r"^([0-9]{4})\.yaml$")
T = TypeVar("T")
MAX_ENTRIES = 10_000  # a year file of one scope: a few hundred at most so far
OWN_FILES = re.compile(  # backups and temporaries of pipeline.atomic, and git's placeholder
    r".+\.[0-9]{8}T[0-9]{12}(?:-[0-9]+)?\.bak|\..+\.[0-9a-f]{8}\.tmp|\.gitkeep")


@dataclass
class Dataset:
    """Everything valid in the project, and everything wrong with it."""

    indicators: dict[str, Indicator] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    broken: frozenset[str] = frozenset()  # registries ("indicators", "sources") unreadable
    invalid: dict[str, str] = field(default_factory=dict)  # id of an invalid item: its place
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
    return scan_targets(root)[0]


def scan_targets(root: Path) -> tuple[list[Path], list[Problem]]:
    """The year files under ``targets/``, and a problem for every other file there (and for
    a missing or unreadable ``targets/``): nothing in it is skipped in silence."""
    folder = root / TARGETS_DIR
    if not folder.is_dir():
        return [], [Problem(f"{TARGETS_DIR.as_posix()}/", 1, 1, "", "expected the folder of "
                            "year files, found none", "run goalpost in the project folder, or "
                            "pass --root the folder that holds data/ and targets/",
                            "no_targets")]
    return scan_folder(folder, root, levels=2)


def scan_folder(folder: Path, root: Path, levels: int = 1) -> tuple[list[Path], list[Problem]]:
    """Year files in ``folder`` (and, with ``levels=2``, in its province folders)."""
    found: list[Path] = []
    problems: list[Problem] = []
    _scan(folder, root, levels, found, problems)
    return sorted(found), problems


def _scan(folder: Path, root: Path, levels: int, found: list[Path],
          problems: list[Problem]) -> None:
    def refuse(path: Path, message: str, hint: str, code: str) -> None:
        problems.append(Problem(_display(path, root), 1, 1, "", message, hint, code))

    try:
        names = sorted(os.listdir(folder))
    except OSError as error:
        refuse(folder, f"cannot read folder: {error.strerror}", "check its permissions",
               "unreadable")
        return
    for name in names:
        path = folder / name
        if OWN_FILES.fullmatch(name):
            continue  # goalpost's own backups and half-written temporaries
        if path.is_symlink() and not inside(path, root):
            refuse(path, "expected a file inside the project, found a link to outside it; it "
                   "is not read", "copy the file into the project instead of linking to it",
                   "outside_project")
        elif path.is_dir():
            if levels > 1:
                _scan(path, root, levels - 1, found, problems)
            else:
                _too_deep(path, root, problems)
        elif not path.is_file():
            what = _kind_of(path)
            refuse(path, f"expected a year file, found {what}; it is not read",
                   "only YYYY.yaml text files belong in targets/", "not_a_file")
        elif YEAR_FILE.fullmatch(name):
            found.append(path)
        else:
            refuse(path, f"expected a year file named YYYY.yaml, found {show(name)}; it is not "
                   "read", _name_hint(path, root), "file_name")


def _kind_of(path: Path) -> str:
    try:
        return kind(path.stat().st_mode)
    except OSError:
        return "a broken link"


def _too_deep(folder: Path, root: Path, problems: list[Problem]) -> None:
    """Every file below a folder nested deeper than targets/<province>/ is reported."""
    parent = _display(folder.parent, root)
    below = sorted(Path(top) / name for top, _, names in os.walk(folder) for name in names)
    for path in below[:100]:
        problems.append(Problem(
            _display(path, root), 1, 1, "", "expected year files in targets/ or "
            "targets/<province>/, found one in a folder below that; it is not read",
            f"move it up into {parent}/", "too_deep"))


def _name_hint(path: Path, root: Path) -> str:
    """What the file was probably meant to be called."""
    plain = unicodedata.normalize("NFKC", path.name)
    folder = _display(path.parent, root)
    if match := re.match(r"([0-9]{4})(?:[.](?:ya?ml))", plain, re.IGNORECASE):
        ascii_digits = "" if path.name[:4].isascii() else " (with the digits 0-9)"
        return f"rename it to {folder}/{match[1]}.yaml{ascii_digits}"
    return f"rename it to {folder}/YYYY.yaml, or move it out of targets/"


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
    if paths is None:
        paths, problems = scan_targets(root)
        dataset.problems.extend(problems)
    for path in sorted(paths):
        load_year_file(path, root, dataset)
    dataset.records, duplicates = without_duplicates(dataset.records)
    dataset.problems.extend(duplicates)
    dataset.problems.sort(key=Problem.sort_key)
    return dataset


@dataclass(frozen=True)
class Placement:
    """Where a draft outside ``targets/`` is checked as if it were: its year and scope, from
    the command line (``None``: from the file itself)."""

    year: int | None = None
    scope: str | None = None


def in_targets(path: Path, root: Path) -> bool:
    """True for a file under the project's ``targets/`` folder."""
    return inside(path.parent, root / TARGETS_DIR)


def load_draft(path: Path, root: Path, project: Dataset,
               placement: Placement = Placement()) -> Dataset:
    """Check one file outside ``targets/`` (a draft, any name, anywhere) as if it were the
    year file its content says it is: against the registries, and against the records
    already in ``targets/`` (``project``; a figure recorded twice is a duplicate). The
    result holds only this file's records and problems, and the registries'."""
    name = _display(path, root)
    dataset = Dataset(project.indicators, project.sources, list(project.records),
                      [p for p in project.problems if not in_targets(root / p.file, root)],
                      [name], project.broken, project.invalid)
    known = len(dataset.records)
    document, problems = read_yaml(path, name)
    if not problems:
        place = _place(document, dataset, placement)
        if isinstance(place, Problem):
            problems = [place]
        else:
            document.data = {**document.data, "year": place[0], "scope": place[1]}  # type: ignore[dict-item]
            records, problems = _year_entries(_as_year_file(root, *place), document, dataset)
            dataset.records.extend(records)
    records, duplicates = without_duplicates(dataset.records)
    dataset.records = records[known:]  # the project's records come first and are unique
    dataset.problems = sorted([*dataset.problems, *problems, *duplicates], key=Problem.sort_key)
    return dataset


def _as_year_file(root: Path, year: int, scope: str) -> Path:
    folder = root / TARGETS_DIR if scope == NATIONAL else root / TARGETS_DIR / scope
    return folder / f"{year}.yaml"


def _place(document: Document, dataset: Dataset,
           placement: Placement) -> tuple[int, str] | Problem:
    """The draft's year and scope: the flags, else its ``year:`` and ``scope:`` keys, else the
    year its sources were published in."""
    data = document.data
    if not isinstance(data, dict):
        return Problem(document.file, 1, 1, "", "expected a year file: 'year:', then "
                       "'entries:' with a list of entries", "start from 'goalpost new-year' "
                       "or 'goalpost extract'", "not_a_year_file")
    written, scope = data.get("year"), data.get("scope")
    if written is not None and (not isinstance(written, int) or isinstance(written, bool)):
        return document.problem(("year",), "year", f"expected a year such as 2019, got "
                                f"{show(written)}", "write 'year: YYYY' without quotes",
                                code="year_format")
    for flag, value, key in ((placement.year, written, "year"), (placement.scope, scope,
                                                                  "scope")):
        if flag is not None and value is not None and flag != value:
            return document.problem((key,), key, f"the file says {key} {show(value)}, the "
                                    f"command says --{key} {flag}", f"drop --{key}, or "
                                    f"correct '{key}:' in the file", code=f"{key}_mismatch")
    year = placement.year if placement.year is not None else written
    if year is None:
        year = _year_of_sources(data, dataset)
    if not isinstance(year, int) or isinstance(year, bool):
        return document.problem(("year",), "year", "cannot tell which year's file this draft "
                                "belongs in", "write 'year: YYYY' at the top (the year its "
                                "sources were published), or pass --year", code="no_year")
    return year, placement.scope or (scope if isinstance(scope, str) else NATIONAL)


def _year_of_sources(data: dict[str, object], dataset: Dataset) -> int | None:
    """The one year in which every source the entries cite was published, if there is one."""
    entries = data.get("entries")
    cited = {e.get("source") for e in entries if isinstance(e, dict)} if isinstance(
        entries, list) else set()
    years = {dataset.sources[s].published.year for s in cited
             if isinstance(s, str) and s in dataset.sources}
    return years.pop() if len(years) == 1 else None


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
        dataset.broken |= {key}  # one root cause, not an "unknown id" per entry
        return {}
    top, problems = validate_model(shape, document.data or {}, document)
    dataset.problems.extend(problems)
    if top is None:
        dataset.broken |= {key}
        return {}
    items: dict[str, M] = {}
    for index, raw in enumerate(getattr(top, key)):
        item, problems = validate_model(model, raw, document, (key, index))
        if item is None and problems and isinstance(raw, dict) and isinstance(raw.get("id"), str):
            problems[0] = _cited_later(problems[0], key, raw["id"])
            line = document.where((key, index))[0]
            dataset.invalid.setdefault(f"{key}:{raw['id']}", f"{relative.as_posix()}:{line}")
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
    if key == "indicators":
        dataset.problems.extend(_aliases_naming_ids(items, document))  # type: ignore[arg-type]
    return items


def _cited_later(problem: Problem, key: str, item_id: str) -> Problem:
    """The one report of an invalid registry entry says that the entries citing it wait for
    it: they are not flagged again, one "unknown" per entry."""
    kind = "indicator" if key == "indicators" else "source"
    waiting = f"entries that cite {kind} {item_id!r} are checked once this is fixed"
    return replace(problem, hint=f"{problem.hint}; {waiting}" if problem.hint else waiting)


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


def _aliases_naming_ids(items: dict[str, Indicator], document: Document) -> list[Problem]:
    """An alias that is another indicator's id would make that id mean two things."""
    problems = []
    for index, indicator in enumerate(items.values()):
        for position, alias in enumerate(indicator.aliases):
            if alias in items and alias != indicator.id:
                path = ("indicators", _index_of(document, indicator.id, index), "aliases",
                        position)
                problems.append(document.problem(
                    path, format_path(path), f"expected an alias that is no indicator's id, "
                    f"found {alias!r}, the id of another indicator",
                    "an alias must name exactly one indicator; remove it or rename one",
                    code="alias_is_id"))
    return problems


def _index_of(document: Document, item_id: str, fallback: int) -> int:
    """The position of the item with ``item_id`` in the registry as written."""
    data = document.data
    items = data.get("indicators") if isinstance(data, dict) else None
    if isinstance(items, list):
        for index, raw in enumerate(items):
            if isinstance(raw, dict) and raw.get("id") == item_id:
                return index
    return fallback


def load_year_file(path: Path, root: Path, dataset: Dataset, raw: bytes | None = None) -> None:
    """Validate one year file (whose bytes may be given as ``raw``) and add its valid entries
    to ``dataset``."""
    name = _display(path, root)
    dataset.files.append(name)
    document, read_problems = read_yaml(path, name) if raw is None else parse_yaml(raw, name)
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
    if len(top.entries) > MAX_ENTRIES:
        return [], [document.problem(
            ("entries",), "entries", f"expected at most {MAX_ENTRIES:,} entries in one year "
            f"file, found {len(top.entries):,}", "a year file holds one year's statements; "
            "is this the right file?", key=True, code="too_many_entries")]
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
                return [document.locate(item.start_mark)[0] for item in value.value]
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

    problems = (checks.check_draft(entry, at) + checks.check_todo(entry, at)
                + checks.check_figure(entry, at) + checks.check_shape(entry, at)
                + checks.check_sign(entry, at) + checks.check_magnitude(entry, at)
                + checks.check_role_fields(entry, dataset.indicators, at))
    indicator = _reference(checks.check_indicator(entry, dataset.indicators, aliases, at),
                           "indicators", entry.indicator, dataset, at)
    period = checks.check_period(entry, at)
    source = _reference(checks.check_source(entry, dataset.sources, at), "sources",
                        entry.source, dataset, at)
    problems += [p for p in (indicator, period, source) if isinstance(p, Problem)]
    if None in (indicator, source):
        return None, problems
    if isinstance(period, Problem) or isinstance(source, Problem):
        return None, problems
    if isinstance(indicator, Indicator):
        problems += checks.check_direction(entry, indicator, at)
    problems += checks.check_timing(entry, period, source, year, at)
    if problems:
        return None, problems
    line = lines[index] if index < len(lines) else document.where(prefix)[0]
    return Record(entry, period, year, document.file, line, index, top.scope), []


def _reference(found: T | Problem, key: str, name: str, dataset: Dataset,
               at: checks.At) -> T | Problem | None:
    """An unknown id because its registry is broken, or because its registry entry is
    invalid, is not the entry's fault: say nothing (``None``); the registry's own problem is
    the root cause, reported once where it is."""
    if not isinstance(found, Problem) or not found.code.startswith("unknown_"):
        return found
    if key in dataset.broken or f"{key}:{name}" in dataset.invalid:
        return None
    return found


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
