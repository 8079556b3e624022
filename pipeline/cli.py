"""The ``goalpost`` command line: a thin layer that turns library results into text and exit codes.

Every command is a small function; errors in the user's input become messages and exit
status 1, never tracebacks.
"""

from __future__ import annotations

import argparse
import errno
import os
import shlex
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from pipeline.atomic import WouldOverwrite, write_keeping_backup
from pipeline.build_cache import BuildCache, cache_enabled
from pipeline.coverage import coverage, coverage_table
from pipeline.dataset import (
    TARGETS_DIR,
    Dataset,
    Placement,
    find_root,
    in_targets,
    load_draft,
    load_project,
    load_registries,
    scan_folder,
)
from pipeline.drafts import draft_file, template
from pipeline.export import export
from pipeline.extract import extract
from pipeline.files import FileRefused, inside, read_regular
from pipeline.problems import Problem
from pipeline.quotes import verify_quotes
from pipeline.report import verdict_table
from pipeline.scopes import SCOPES
from pipeline.suggest import did_you_mean
from pipeline.verdicts import STATUSES, rate_all

EXIT_OK, EXIT_PROBLEMS = 0, 1
MAX_REPORT_BYTES = 20 * 2**20  # a report's text: a few hundred kB at most


class UserError(Exception):
    """A mistake in how the command was called or in what it was pointed at."""


def _root(args: argparse.Namespace) -> Path:
    return Path(args.root).resolve() if args.root else find_root()


def _load(args: argparse.Namespace, paths: Sequence[str] = ()) -> tuple[Path, Dataset]:
    """The whole project through the build cache, or just the year files named."""
    root = _root(args)
    if paths:
        found, problems = _year_paths(root, paths)
        dataset = load_project(root, found)
        dataset.problems = sorted([*dataset.problems, *problems], key=Problem.sort_key)
        return root, dataset
    return root, _project(root)


def _project(root: Path) -> Dataset:
    return BuildCache(root).load() if cache_enabled() else load_project(root)


def _year_paths(root: Path, paths: Sequence[str]) -> tuple[list[Path], list[Problem]]:
    """The year files named or in the folders named, and a problem for anything else there."""
    found: list[Path] = []
    problems: list[Problem] = []
    for text in paths:
        path = _given(root, text)
        if path.is_dir():
            targets = path.resolve() == (root / TARGETS_DIR).resolve()
            files, stray = scan_folder(path, root, levels=2 if targets else 1)
            found.extend(files)
            problems.extend(stray)
        else:
            found.append(path)
    return found, problems


def _given(root: Path, text: str) -> Path:
    """A path as typed: from the current folder, else from the project folder."""
    path = Path(text)
    if not path.is_absolute() and not os.path.lexists(path):
        path = root / path
    if not os.path.lexists(path):
        raise UserError(f"no such file or folder: {text}")
    return path


def _plural(count: int, word: str) -> str:
    text = f"{count} {word}{'' if count == 1 else 's'}"
    return text.replace("entrys", "entries")


TO_CONFIRM = ("draft", "todo")  # work left in an entry, not a mistake in it


def _report_problems(dataset: Dataset) -> bool:
    """Print every problem, one line each, then the drafts left to confirm, each as
    ``file:line``, and a count on stderr; True if there was anything."""
    mistakes = [p for p in dataset.problems if p.code not in TO_CONFIRM]
    for problem in mistakes:
        print(problem.format())
    drafts = _drafts_left(dataset.problems)
    if drafts:
        print(f"{_plural(len(drafts), 'draft')} left to confirm (check each against the "
              "report, write its English note, delete 'draft: true'): " + ", ".join(drafts))
    if mistakes:
        files = len({p.file for p in mistakes})
        print(f"{_plural(len(mistakes), 'problem')} in {_plural(files, 'file')}"
              + (f"; {_plural(len(drafts), 'draft')} left to confirm" if drafts else ""),
              file=sys.stderr)
    elif drafts:
        print(f"not ok: {_plural(len(drafts), 'draft')} left to confirm", file=sys.stderr)
    return bool(dataset.problems)


def _drafts_left(problems: Sequence[Problem]) -> list[str]:
    """``file:line`` of each entry still a draft or with a TODO note, once per entry."""
    first: dict[tuple[str, str], int] = {}
    for problem in problems:
        if problem.code in TO_CONFIRM:
            entry = (problem.file, problem.field.rsplit(".", 1)[0])
            first[entry] = min(first.get(entry, problem.line), problem.line)
    return [f"{file}:{line}" for (file, _), line in sorted(first.items(),
                                                           key=lambda item: (item[0][0],
                                                                             item[1]))]


def cmd_validate(args: argparse.Namespace) -> int:
    """Check year files and registries; print every problem, one line each. A file outside
    targets/ (a draft) is checked as the year file it says it is."""
    root = _root(args)
    paths = [_given(root, text) for text in args.paths]
    if any(p.is_dir() and not inside(p, root / TARGETS_DIR) for p in paths):
        raise UserError("a folder outside targets/ is not read as year files; validate one "
                        "draft at a time, e.g. goalpost validate drafts/2019.yaml")
    drafts = [p for p in paths if not p.is_dir() and not in_targets(p, root)]
    if (args.year or args.scope) and len(drafts) != len(paths):
        raise UserError("--year and --scope are for a draft outside targets/; a year file in "
                        "targets/ is placed by its name and folder")
    if len(drafts) > 1 or (drafts and len(paths) > 1):
        raise UserError("validate one draft at a time (or any number of files in targets/)")
    if drafts:
        dataset = load_draft(drafts[0], root, _project(root), Placement(args.year, args.scope))
    else:
        dataset = _load(args, args.paths)[1]
    if _report_problems(dataset):
        return EXIT_PROBLEMS
    print(_summary(dataset, bool(args.paths)))
    return EXIT_OK


def _summary(dataset: Dataset, named: bool) -> str:
    records = dataset.records
    targets = sum(r.entry.role == "target" for r in records)
    outcomes = sum(r.entry.role == "outcome" for r in records)
    counted = (f"{_plural(len(records), 'record')} ({_plural(targets, 'target')}, "
               f"{_plural(outcomes, 'outcome')})")
    registries = (f"{_plural(len(dataset.indicators), 'indicator')}, "
                  f"{_plural(len(dataset.sources), 'source')}")
    year_files = [f for f in dataset.files if not f.startswith("data/")]
    if named and len(year_files) == 1:
        return f"ok: {year_files[0]}: {counted}, checked against {registries}"
    if named:
        return f"ok: {_plural(len(year_files), 'file')}, {counted}; checked against {registries}"
    return f"ok: {_plural(len(dataset.files), 'file')}, {counted}, {registries}"


def cmd_export(args: argparse.Namespace) -> int:
    """Write records.csv and verdicts.csv; only from data that validates."""
    _, dataset = _load(args)
    if _report_problems(dataset):
        print("error: nothing exported; fix the problems above first", file=sys.stderr)
        return EXIT_PROBLEMS
    out = Path(args.out)
    try:
        written = export(dataset, out, replace=args.force)
    except WouldOverwrite as error:
        raise UserError(f"would overwrite {error}; use --force to replace") from None
    except OSError as error:
        raise _write_error(error, out, "a folder: export writes records.csv and "
                           "verdicts.csv into it") from None
    for path in written:
        print(f"wrote {path}")
    return EXIT_OK


def cmd_verdicts(args: argparse.Namespace) -> int:
    """Print each goal's verdict as a table."""
    _, dataset = _load(args)
    verdicts = rate_all(dataset.records, dataset.indicators, dataset.sources)
    if args.year:
        verdicts = [v for v in verdicts if v.target.period.year == args.year]
    if args.status:
        verdicts = [v for v in verdicts if v.status == args.status]
    if args.scope:
        verdicts = [v for v in verdicts if v.target.scope == args.scope]
    print(verdict_table(verdicts, dataset.indicators))
    if dataset.problems:
        print(f"note: {_plural(len(dataset.problems), 'problem')} left records out; "
              "run 'goalpost validate'", file=sys.stderr)
    return EXIT_OK


def cmd_coverage(args: argparse.Namespace) -> int:
    """Per year: goals by status, and outcomes that answer no goal."""
    _, dataset = _load(args)
    print(coverage_table(coverage(dataset)))
    return EXIT_OK


def cmd_verify_quotes(args: argparse.Namespace) -> int:
    """Find each record's quote in the archived copy of its source."""
    root, dataset = _load(args)
    archive = Path(args.archive) if args.archive else root.parent / "shared" / "sources"
    if not archive.is_dir():
        raise UserError(f"no archive folder at {archive}; pass --archive DIR (the folder that "
                        "sources' 'archive:' paths are relative to)")
    misses = verify_quotes(dataset, archive, root)
    for miss in misses:
        print(miss.format())
    checked = len(dataset.records)
    if misses:
        print(f"{len(misses)} of {checked} quotes not found", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"ok: all {checked} quotes found in their sources")
    return EXIT_OK


def cmd_new_year(args: argparse.Namespace) -> int:
    """Write targets/YEAR.yaml from the commented template; never overwrite silently."""
    root = Path(args.root).resolve() if args.root else find_root()
    if not 1900 <= args.year <= 2200:
        raise UserError(f"{args.year} is not a plausible year")
    if not (root / TARGETS_DIR).is_dir():
        raise UserError(f"no {TARGETS_DIR}/ folder in {root} (hint: run it in the project "
                        "folder, or pass --root the folder that holds data/ and targets/)")
    path = root / TARGETS_DIR / f"{args.year}.yaml"
    backup = _write(path, template(args.year), args.force)
    print(f"wrote {path}" + (f" (previous version kept as {backup})" if backup else ""))
    print(f"next: fill it in, then run 'goalpost validate {TARGETS_DIR / path.name}'")
    return EXIT_OK


def _write(path: Path, text: str, force: bool) -> Path | None:
    try:
        return write_keeping_backup(path, text, force=force)
    except WouldOverwrite:
        raise UserError(f"{path} already exists; nothing written (use --force to replace it; "
                        "the old file is kept as a .bak copy)") from None
    except OSError as error:
        raise _write_error(error, path, "a file, e.g. drafts/2025.yaml") from None


WRITE_HINTS = {
    errno.ENOSPC: "the disk is full; free some space and run it again",
    errno.EDQUOT: "your disk quota is used up; free some space and run it again",
    errno.EROFS: "that file system is read-only; write somewhere else",
    errno.EACCES: "you may not write there; pick another place or fix its permissions",
    errno.EPERM: "you may not write there; pick another place or fix its permissions",
    errno.ENOENT: "check the path",
    errno.ENAMETOOLONG: "use a shorter name",
}


def _write_error(error: OSError, path: Path, wanted: str) -> UserError:
    """A failed write as one line: which file, why, what to do. Nothing was changed."""
    hint = WRITE_HINTS.get(error.errno or 0, "")
    if error.errno in (errno.ENOTDIR, errno.EISDIR, errno.EEXIST):
        hint = f"give the path of {wanted}"
    reason = error.strerror or str(error)
    where = error.filename or path
    return UserError(f"cannot write {where}: {reason}; nothing was changed"
                     + (f" (hint: {hint})" if hint else ""))


def cmd_extract(args: argparse.Namespace) -> int:
    """Draft candidate records from a report's raw text, for the analyst to confirm."""
    dataset = load_registries(_root(args))
    if args.source and args.source not in dataset.sources:
        hint = did_you_mean(args.source, dataset.sources)
        raise UserError(f"unknown source {args.source!r}" + (f" ({hint})" if hint else
                        "; register it in data/sources.yaml first"))
    raw = _read_report(Path(args.report))
    candidates = extract(raw, args.year, dataset.indicators.values())
    text = draft_file(candidates, args.year, args.source or "?", Path(args.report).name)
    out = Path(args.out)
    backup = _write(out, text, args.force)
    matched = sum(1 for c in candidates if c.indicator)
    print(f"wrote {out}: {_plural(len(candidates), 'draft entry').replace('entrys', 'entries')}"
          f" ({matched} with an indicator, {len(candidates) - matched} to match)"
          + (f"; previous version kept as {backup}" if backup else ""))
    print(f"next: {_first_step(args.source)}, then run: {_validate_command(args, out)}")
    return EXIT_OK


def _first_step(source: str | None) -> str:
    if source:
        return "confirm each entry"
    return "register the report in data/sources.yaml, write its id as each entry's source:, " \
        "and confirm each entry"


def _validate_command(args: argparse.Namespace, out: Path) -> str:
    """The validate command that checks ``out``, as it can be typed in the same folder."""
    root = ["--root", args.root] if args.root else []
    return shlex.join(["goalpost", *root, "validate", str(out)])


def _read_report(path: Path) -> str:
    try:
        raw = read_regular(path, MAX_REPORT_BYTES)
    except FileRefused as refused:
        raise UserError(f"cannot read {path}: {refused.message}") from None
    except OSError as error:
        raise UserError(f"cannot read {path}: {error.strerror}") from None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UserError(f"{path} is neither UTF-8 nor GB18030 text")


COMMANDS: dict[str, tuple[Callable[[argparse.Namespace], int], str, str]] = {
    "validate": (cmd_validate, "check year files and registries, listing every problem",
                 "goalpost validate targets/2019.yaml"),
    "verdicts": (cmd_verdicts, "show each goal with its result and verdict",
                 "goalpost verdicts --year 2020 --status missed"),
    "coverage": (cmd_coverage, "count goals by status and unanswered outcomes per year",
                 "goalpost coverage"),
    "verify-quotes": (cmd_verify_quotes, "check every quote against the archived source texts",
                      "goalpost verify-quotes --archive ../shared/sources"),
    "new-year": (cmd_new_year, "start targets/YEAR.yaml from the commented template",
                 "goalpost new-year 2026"),
    "extract": (cmd_extract, "draft a year file of candidate records from a report's text",
                "goalpost extract report.txt --year 2025 --source miit-conf-2025-12 "
                "--out drafts/2025.yaml"),
    "export": (cmd_export, "write records.csv and verdicts.csv for other tools",
               "goalpost export --out out/"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="goalpost", description="Official targets vs reported results: validate, rate, "
        "export.")
    parser.add_argument("--root", help="project folder holding data/ and targets/ "
                        "(default: found from the current folder)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (_, summary, example) in COMMANDS.items():
        command = sub.add_parser(name, help=summary, description=f"{summary}.",
                                 epilog=f"Example: {example}")
        _add_arguments(name, command)
    return parser


def _add_arguments(name: str, command: argparse.ArgumentParser) -> None:
    if name == "validate":
        command.add_argument("paths", nargs="*", metavar="PATH",
                             help="year files or folders (default: every file in targets/), "
                             "or one draft anywhere, checked as the year file it says it is")
        command.add_argument("--year", type=int, help="a draft's year file, when the draft "
                             "has no 'year:' (default: its 'year:', else its sources' year)")
        command.add_argument("--scope", choices=sorted(SCOPES), metavar="SCOPE",
                             help="a draft's scope, when it has no 'scope:' (default: national)")
    elif name == "export":
        command.add_argument("--out", required=True, metavar="DIR", help="folder to write to")
        command.add_argument("--force", action="store_true",
                             help="replace existing CSV files, keeping the old ones as .bak")
    elif name == "new-year":
        command.add_argument("year", type=int, metavar="YEAR")
        command.add_argument("--force", action="store_true",
                             help="replace an existing file, keeping it as a .bak copy")
    elif name == "extract":
        command.add_argument("report", metavar="REPORT.txt",
                             help="the report's raw text, as pasted from the web page")
        command.add_argument("--year", type=int, required=True,
                             help="the year the report was published (the year file)")
        command.add_argument("--source", metavar="ID", help="its id in data/sources.yaml")
        command.add_argument("--out", required=True, metavar="FILE",
                             help="where to write the draft year file")
        command.add_argument("--force", action="store_true",
                             help="replace FILE, keeping the old one as a .bak copy")
    elif name == "verify-quotes":
        command.add_argument("--archive", metavar="DIR",
                             help="the source pack that 'archive:' paths are relative to "
                             "(default: ../shared/sources beside the project)")
    elif name == "verdicts":
        command.add_argument("--year", type=int, help="only targets for this year")
        command.add_argument("--status", choices=STATUSES, help="only this verdict")
        command.add_argument("--scope", choices=sorted(SCOPES), metavar="SCOPE",
                             help="only national (default: all) or one province, e.g. guangdong")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = COMMANDS[args.command][0]
    try:
        return handler(args)
    except UserError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    except BrokenPipeError:  # the reader (head, less) stopped reading: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
