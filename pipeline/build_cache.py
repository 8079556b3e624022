"""A build cache of validated records, keyed on the files' content.

Building Python objects from YAML dominates load time at tracker scale, so each year file's
validated result (records and problems) is kept in ``.goalpost-cache/`` and reused while the
file's content, the registries and goalpost's own code are unchanged. Only changed files are
parsed and validated again; cross-file checks (duplicates) always run on the whole set.

The cache is an optimisation only: a missing, corrupt or unwritable cache means a full
build, never an error. It is JSON, never pickle, so a cache file cannot run code.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from pipeline.atomic import write_atomic
from pipeline.dataset import (
    INDICATORS_FILE,
    SOURCES_FILE,
    Dataset,
    load_registries,
    load_year_file,
    without_duplicates,
    year_files,
)
from pipeline.models import Entry
from pipeline.periods import Period
from pipeline.problems import Problem
from pipeline.records import Record

CACHE_DIR = ".goalpost-cache"
_LOCK = threading.RLock()
FORMAT = 1


@cache
def code_version() -> str:
    """A hash of goalpost's own modules: new rules invalidate every cached result."""
    digest = hashlib.blake2b(str(FORMAT).encode(), digest_size=16)
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _sha(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _key(context: str, files: list[tuple[str, str]]) -> str:
    digest = hashlib.blake2b(context.encode(), digest_size=16)
    for name, sha in sorted(files):
        digest.update(f"{name}:{sha}".encode())
    return digest.hexdigest()


@dataclass
class FileResult:
    """One year file's validated records and problems, as stored."""

    sha: str
    mtime: int
    size: int
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def _record_json(record: Record) -> list[object]:
    return [record.entry.model_dump(exclude_defaults=True), record.period.text,
            record.period.start.isoformat(), record.period.end.isoformat(), record.stated_in,
            record.file, record.line, record.index, record.scope]


def _record_from_json(row: list[object]) -> Record:
    entry_fields, text, start, end, stated_in, file, line, index, scope = row
    entry = Entry.model_construct(**entry_fields)  # type: ignore[arg-type]
    period = Period(date.fromisoformat(str(start)), date.fromisoformat(str(end)), str(text))
    return Record(entry, period, int(stated_in), str(file), int(line), int(index),  # type: ignore[call-overload]
                  str(scope))


class BuildCache:
    """Validated results per year file, in memory and on disk under ``root/.goalpost-cache``."""

    def __init__(self, root: Path, folder: Path | None = None) -> None:
        self.root = root
        self.folder = folder or root / CACHE_DIR
        self.results: dict[str, FileResult] = {}
        self.context = ""
        self.rebuilt: list[str] = []
        self._stamps: dict[str, list[object]] = {}
        self._registries = Dataset()
        self._registry_shas: dict[Path, tuple[tuple[int, int], str]] = {}
        self._dataset: Dataset | None = None

    @property
    def stamps_file(self) -> Path:
        return self.folder / "stamps.json"

    def _result_file(self, sha: str) -> Path:
        return self.folder / _sha(self.context.encode()) / f"{sha}.json"

    def load(self) -> Dataset:
        """The project, rebuilding only year files whose content changed since last time."""
        with _LOCK:  # the dashboard's sessions share one cache
            return self._load()

    def _load(self) -> Dataset:
        context = self._context()
        if context != self.context:  # first load, or the registries or code changed
            self.results, self.context, self._dataset = {}, context, None
            self._stamps = self._read_stamps(context)
            self._registries = load_registries(self.root)
        if self._dataset is not None and self._unchanged():
            return self._dataset
        dataset = Dataset(self._registries.indicators, self._registries.sources, [],
                          list(self._registries.problems), list(self._registries.files))
        self.rebuilt = []
        seen = set()
        for path in year_files(self.root):
            name = path.relative_to(self.root).as_posix()
            seen.add(name)
            result = self._result(path, name, dataset)
            dataset.files.extend(result.files)
            dataset.records.extend(result.records)
            dataset.problems.extend(result.problems)
        for gone in set(self.results) - seen:
            del self.results[gone]
        dataset.records, duplicates = without_duplicates(dataset.records)
        dataset.problems.extend(duplicates)
        dataset.problems.sort(key=Problem.sort_key)
        if self.rebuilt:
            self._write_stamps()
        self._dataset = dataset
        return dataset

    def _stats(self) -> dict[str, tuple[int, int]] | None:
        """(mtime, size) of every year file now; ``None`` if one cannot be read."""
        stats = {}
        for path in year_files(self.root):
            try:
                stat = path.stat()
            except OSError:
                return None
            stats[path.relative_to(self.root).as_posix()] = (stat.st_mtime_ns, stat.st_size)
        return stats

    def _unchanged(self) -> bool:
        """True when every year file has the stamp it had at the last load, and no file came
        or went: then the last dataset is still right."""
        return self._stats() == {name: (r.mtime, r.size) for name, r in self.results.items()}

    def stamped_key(self) -> str | None:
        """The content key without loading any record (from memory after a load, else from
        the stored stamps); ``None`` when a file changed, came or went since."""
        context = self._context()
        if self.context and context != self.context:
            return None  # the registries or code changed since the last load
        if self._dataset is not None:
            return self.content_key() if self._unchanged() else None
        stamps, stats = self._read_stamps(context), self._stats()
        if not stamps or stats is None or stats.keys() != stamps.keys():
            return None
        if any(tuple(stamps[name][:2]) != stamp for name, stamp in stats.items()):
            return None
        return _key(context, [(name, str(stamps[name][2])) for name in stats])

    def content_key(self) -> str:
        """One hash for everything the dataset is built from (after :meth:`load`)."""
        return _key(self.context, [(name, r.sha) for name, r in self.results.items()])

    def _context(self) -> str:
        """Code and registry hashes: what every year file's result depends on."""
        return ":".join([code_version(), *(self._registry_sha(self.root / relative)
                                           for relative in (INDICATORS_FILE, SOURCES_FILE))])

    def _registry_sha(self, path: Path) -> str:
        """A registry's hash, read again only when its stamp changes (not on every rerun)."""
        try:
            stat = path.stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
            known = self._registry_shas.get(path)
            if known is None or known[0] != stamp:
                known = (stamp, _sha(path.read_bytes()))
                self._registry_shas[path] = known
            return known[1]
        except OSError:
            return "missing"

    def _result(self, path: Path, name: str, registries: Dataset) -> FileResult:
        try:
            stat = path.stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            stamp = (0, 0)
        cached = self.results.get(name)
        if cached and (cached.mtime, cached.size) == stamp:
            return cached
        known = self._stamps.get(name)
        if cached is None and known and tuple(known[:2]) == stamp:
            stored = self._read_result(str(known[2]), stamp)
            if stored is not None:
                self.results[name] = stored
                return stored
        try:
            data = path.read_bytes()
        except OSError:
            data = b""
        sha = _sha(data)
        stored = self._read_result(sha, stamp) if not cached or cached.sha != sha else cached
        if stored is None:
            scratch = Dataset(registries.indicators, registries.sources)
            load_year_file(path, self.root, scratch)
            stored = FileResult(sha, *stamp, scratch.records, scratch.problems, scratch.files)
            self._write_result(stored)
        stored.mtime, stored.size = stamp
        self.results[name] = stored
        self.rebuilt.append(name)
        return stored

    def _read_stamps(self, context: str) -> dict[str, list[object]]:
        try:
            stamps = json.loads(self.stamps_file.read_text(encoding="utf-8"))
            return stamps["files"] if stamps.get("context") == context else {}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return {}

    def _write_stamps(self) -> None:
        self._stamps = {name: [r.mtime, r.size, r.sha] for name, r in self.results.items()}
        payload = {"format": FORMAT, "context": self.context, "files": self._stamps}
        with contextlib.suppress(OSError):  # a read-only project works, just without a cache
            write_atomic(self.stamps_file, json.dumps(payload), replace=True)

    def _read_result(self, sha: str, stamp: tuple[int, int]) -> FileResult | None:
        try:
            item = json.loads(self._result_file(sha).read_text(encoding="utf-8"))
            return FileResult(sha, *stamp, [_record_from_json(row) for row in item["records"]],
                              [Problem(*row) for row in item["problems"]], item["files"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _write_result(self, result: FileResult) -> None:
        payload = {"records": [_record_json(x) for x in result.records],
                   "problems": [[p.file, p.line, p.column, p.field, p.message, p.hint, p.code]
                                for p in result.problems], "files": result.files}
        with contextlib.suppress(OSError):
            write_atomic(self._result_file(result.sha),
                         json.dumps(payload, ensure_ascii=False, separators=(",", ":")),
                         replace=True)


def cache_enabled() -> bool:
    """``GOALPOST_NO_CACHE=1`` turns the build cache off (for debugging)."""
    return os.environ.get("GOALPOST_NO_CACHE") != "1"
