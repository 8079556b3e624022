"""The ``goalpost`` command line: a thin layer that turns library results into text and exit codes.

Every command is a small function; errors in the user's input become messages and exit
status 1, never tracebacks.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from pipeline.dataset import Dataset, find_root, load_project

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class UserError(Exception):
    """A mistake in how the command was called or in what it was pointed at."""


def _load(args: argparse.Namespace, paths: Sequence[str] = ()) -> tuple[Path, Dataset]:
    root = Path(args.root).resolve() if args.root else find_root()
    year_paths = _year_paths(root, paths) if paths else None
    return root, load_project(root, year_paths)


def _year_paths(root: Path, paths: Sequence[str]) -> list[Path]:
    found: list[Path] = []
    for text in paths:
        path = Path(text)
        if not path.is_absolute() and not path.exists():
            path = root / path
        if path.is_dir():
            found.extend(sorted(path.glob("*.yaml")))
        elif path.exists():
            found.append(path)
        else:
            raise UserError(f"no such file or folder: {text}")
    return found


def cmd_validate(args: argparse.Namespace) -> int:
    """Check year files and registries; print every problem, one line each."""
    _, dataset = _load(args, args.paths)
    for problem in dataset.problems:
        print(problem.format())
    if dataset.problems:
        count = len(dataset.problems)
        files = len({p.file for p in dataset.problems})
        print(f"{count} problem{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}",
              file=sys.stderr)
        return EXIT_PROBLEMS
    targets = sum(r.entry.role == "target" for r in dataset.records)
    outcomes = sum(r.entry.role == "outcome" for r in dataset.records)
    print(f"ok: {len(dataset.files)} files, {len(dataset.records)} records ({targets} targets, "
          f"{outcomes} outcomes), {len(dataset.indicators)} indicators, "
          f"{len(dataset.sources)} sources")
    return EXIT_OK


COMMANDS: dict[str, tuple[Callable[[argparse.Namespace], int], str, str]] = {
    "validate": (cmd_validate, "check year files and registries, listing every problem",
                 "goalpost validate targets/2019.yaml"),
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = COMMANDS[args.command][0]
    try:
        return handler(args)
    except UserError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_PROBLEMS


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
