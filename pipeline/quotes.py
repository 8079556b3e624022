"""Check that every record's quote really appears in the archived copy of its source."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline.dataset import Dataset
from pipeline.files import FileRefused, inside, read_regular
from pipeline.normalize import normalise
from pipeline.records import Record
from pipeline.yaml_reader import parse_yaml


@dataclass(frozen=True, slots=True)
class QuoteMiss:
    """A quote that could not be found, and why."""

    record: Record
    reason: str
    phrase: str = ""

    def format(self) -> str:
        e = self.record.entry
        return f"{self.record.location}: {e.source}: {self.reason}: {(self.phrase or e.quote)!r}"


MAX_ARCHIVE_BYTES = 50 * 2**20


@dataclass(frozen=True, slots=True)
class Archived:
    """The searchable text of one archived copy, or why there is none."""

    text: str | None
    reason: str = ""


@cache
def _report_text(raw: bytes) -> str:
    """A report's text as pasted: UTF-8, else GB18030 (what extract also reads)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace")


def _archive_text(path: Path, archive: Path, shown: str) -> Archived:
    """Normalised searchable text of one archived copy; facts files give their phrases.

    Only regular files inside ``archive`` are read (links are followed, but not out of it)."""
    if not inside(path, archive):
        return Archived(None, f"archived copy {shown} is outside the archive folder; not read")
    try:
        raw = read_regular(path, MAX_ARCHIVE_BYTES)
    except FileRefused as refused:
        return Archived(None, f"archived copy {shown}: {refused.message}")
    except FileNotFoundError:
        return Archived(None, f"archived copy {shown} not found")
    except OSError as error:
        return Archived(None, f"archived copy {shown} cannot be read: {error.strerror}")
    if path.suffix not in (".yaml", ".yml"):
        return Archived(normalise(_report_text(raw)))
    document, problems = parse_yaml(raw, shown)
    if problems:
        first = problems[0]
        return Archived(None, f"archived copy {shown} is not a readable facts file "
                        f"(line {first.line}, column {first.column}: {first.message})")
    data = document.data
    facts = data.get("facts") if isinstance(data, dict) else None
    if not isinstance(facts, list):
        return Archived(None, f"archived copy {shown} is not a readable facts file (expected a "
                        "mapping with a 'facts:' list at the top)")
    phrases = [str(f.get("phrase", "")) for f in facts if isinstance(f, dict)]
    return Archived("\n".join(normalise(p) for p in phrases))


PROJECT_ARCHIVE = "project:"
PROJECT_PAGES = Path("data/pages")
PROJECT_REPORTS = Path("data/reports")


def _archive_place(archive: str, pack: Path, project: Path | None) -> tuple[Path, Path, str]:
    """Where an ``archive:`` path points: into the source pack, or into the project's own
    archive: a page found by a search of stored pages (``project:data/pages/<file>.yaml``)
    or a new report's text as pasted (``project:data/reports/<source id>.txt``). Returns the
    file, the folder it must stay inside, and its name."""
    if archive.startswith(PROJECT_ARCHIVE) and project is not None:
        relative = archive[len(PROJECT_ARCHIVE):]
        folder = PROJECT_REPORTS if Path(relative).parts[:2] == PROJECT_REPORTS.parts \
            else PROJECT_PAGES
        return project / relative, (project / folder).resolve(), relative
    return pack / archive, pack, archive


def verify_quotes(dataset: Dataset, archive: Path,
                  project: Path | None = None) -> list[QuoteMiss]:
    """Every record whose quote (or official judgement) is not in its source's archived copy
    under ``archive`` (or, for ``project:`` paths, under the project's ``data/pages/``)."""
    misses = []
    folder = archive.resolve()
    project = project.resolve() if project is not None else None
    for record in dataset.records:
        source = dataset.sources[record.entry.source]
        if source.archive is None:
            misses.append(QuoteMiss(record, "source has no archived copy to check against"))
            continue
        if Path(source.archive).is_absolute() or ".." in Path(source.archive).parts:
            misses.append(QuoteMiss(record, f"archived copy {source.archive} is outside the "
                                    "archive folder; not read"))
            continue
        path, inside_of, shown = _archive_place(source.archive, folder, project)
        found = _archive_text(path, inside_of, shown)
        quote = normalise(record.entry.quote)
        if found.text is None:
            misses.append(QuoteMiss(record, found.reason))
        elif not quote:
            misses.append(QuoteMiss(record, "quote is blank"))
        elif quote not in found.text:
            misses.append(QuoteMiss(record, f"quote not found in {source.archive}"))
        elif record.entry.judgement and normalise(record.entry.judgement) not in found.text:
            misses.append(QuoteMiss(record, f"judgement not found in {source.archive}",
                                    record.entry.judgement))
    return misses
