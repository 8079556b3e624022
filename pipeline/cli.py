"""The ``goalpost`` command line: a thin layer that turns library results into text and exit codes.

Every command is a small function; errors in the user's input become messages and exit
status 1, never tracebacks.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from pipeline.atomic import WouldOverwrite, write_keeping_backup
from pipeline.build_cache import BuildCache, cache_enabled
from pipeline.coverage import coverage, coverage_table
from pipeline.dataset import (
    TARGETS_DIR,
    Dataset,
    find_root,
    load_project,
    load_registries,
    scan_folder,
)
from pipeline.drafts import draft_file, template
from pipeline.export import export
from pipeline.extract import extract
from pipeline.files import FileRefused, read_regular
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


def _load(args: argparse.Namespace, paths: Sequence[str] = ()) -> tuple[Path, Dataset]:
    """The whole project through the build cache, or just the year files named."""
    root = Path(args.root).resolve() if args.root else find_root()
    if paths:
        found, problems = _year_paths(root, paths)
        dataset = load_project(root, found)
        dataset.problems = sorted([*dataset.problems, *problems], key=Problem.sort_key)
        return root, dataset
    if cache_enabled():
        return root, BuildCache(root).load()
    return root, load_project(root)


def _year_paths(root: Path, paths: Sequence[str]) -> tuple[list[Path], list[Problem]]:
    """The year files named or in the folders named, and a problem for anything else there."""
    found: list[Path] = []
    problems: list[Problem] = []
    for text in paths:
        path = Path(text)
        if not path.is_absolute() and not os.path.lexists(path):
            path = root / path
        if path.is_dir():
            targets = path.resolve() == (root / TARGETS_DIR).resolve()
            files, stray = scan_folder(path, root, levels=2 if targets else 1)
            found.extend(files)
            problems.extend(stray)
        elif os.path.lexists(path):
            found.append(path)
        else:
            raise UserError(f"no such file or folder: {text}")
    return found, problems


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _report_problems(dataset: Dataset) -> bool:
    """Print every problem, one line each, then a count on stderr; True if there were any."""
    for problem in dataset.problems:
        print(problem.format())
    if dataset.problems:
        files = len({p.file for p in dataset.problems})
        drafts = sum(p.code == "draft" for p in dataset.problems)
        remaining = f"; {_plural(drafts, 'draft entry')} to confirm" if drafts else ""
        remaining = remaining.replace("entrys", "entries")
        print(f"{_plural(len(dataset.problems), 'problem')} in {_plural(files, 'file')}"
              f"{remaining}", file=sys.stderr)
    return bool(dataset.problems)


def cmd_validate(args: argparse.Namespace) -> int:
    """Check year files and registries; print every problem, one line each."""
    _, dataset = _load(args, args.paths)
    if _report_problems(dataset):
        return EXIT_PROBLEMS
    targets = sum(r.entry.role == "target" for r in dataset.records)
    outcomes = sum(r.entry.role == "outcome" for r in dataset.records)
    print(f"ok: {len(dataset.files)} files, {len(dataset.records)} records ({targets} targets, "
          f"{outcomes} outcomes), {len(dataset.indicators)} indicators, "
          f"{len(dataset.sources)} sources")
    return EXIT_OK


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
    root = Path(args.root).resolve() if args.root else find_root()
    dataset = load_registries(root)
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
    print(f"next: confirm each entry, then run 'goalpost validate {out}'")
    return EXIT_OK


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
                             help="year files or folders (default: every file in targets/)")
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
