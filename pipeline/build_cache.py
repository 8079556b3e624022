"""A build cache of validated records, keyed on each year file's path and content.

Building Python objects from YAML dominates load time at tracker scale, so each year file's
validated result (records and problems) is kept in ``.goalpost-cache/`` and reused while the
file's name and content, the registries and goalpost's own code are unchanged. Every load
reads and hashes every year file (cheap next to parsing); only changed files are parsed and
validated again; cross-file checks (duplicates) always run on the whole set.

The dashboard's per-rerun check (:meth:`BuildCache.stamped_key`) trusts a file's stat only
when everything an edit changes is unchanged (modification and change time, size, inode),
and never for a file changed within the last two seconds (timestamps are coarse).

The cache is an optimisation only: a missing, corrupt, edited or unwritable cache means a
rebuild, never an error and never wrong data. Each stored result carries a digest of its
content and its records are validated again when read. It is JSON, never pickle, so a
cache file cannot run code.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pydantic import ValidationError

from pipeline.atomic import write_atomic
from pipeline.dataset import (
    INDICATORS_FILE,
    SOURCES_FILE,
    Dataset,
    load_registries,
    load_year_file,
    scan_targets,
    without_duplicates,
)
from pipeline.files import FileRefused, read_regular
from pipeline.models import Entry
from pipeline.periods import parse_period
from pipeline.problems import Problem
from pipeline.records import Record
from pipeline.scopes import SCOPES

CACHE_DIR = ".goalpost-cache"
_LOCK = threading.RLock()
FORMAT = 2
RACY_NS = 2 * 10**9  # a file changed this recently is hashed again, whatever its stat says
MAX_RESULT_BYTES = 256 * 2**20

Signature = tuple[int, int, int, int]  # mtime, ctime (ns), size, inode


@cache
def code_version() -> str:
    """A hash of goalpost's own modules: new rules invalidate every cached result."""
    digest = hashlib.blake2b(str(FORMAT).encode(), digest_size=16)
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _sha(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _key(context: str, files: list[tuple[str, str]], strays: str = "") -> str:
    digest = hashlib.blake2b(context.encode(), digest_size=16)
    for name, sha in sorted(files):
        digest.update(f"{name}:{sha}".encode())
    digest.update(strays.encode())
    return digest.hexdigest()


def _signature(path: Path) -> Signature | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size, stat.st_ino)


def _settled(signature: Signature | None, now: int) -> bool:
    """True when the file has not changed for a while, so its stat can be trusted."""
    return signature is not None and now - max(signature[0], signature[1]) > RACY_NS


@dataclass
class FileResult:
    """One year file's validated records and problems, as stored."""

    name: str
    sha: str
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


@dataclass
class _Scan:
    """What is in targets/ now: year files by name with their stat, and the stray files."""

    paths: dict[str, Path]
    signatures: dict[str, Signature | None]
    strays: list[Problem]

    @property
    def strays_sha(self) -> str:
        return _sha("\n".join(p.format() for p in self.strays).encode())


def _record_json(record: Record) -> list[object]:
    return [record.entry.model_dump(exclude_defaults=True), record.period.text,
            record.stated_in, record.file, record.line, record.index, record.scope]


def _record_from_json(row: list[object], name: str, known: Dataset) -> Record:
    """A stored record, validated again: an edited cache never passes for valid data."""
    entry_fields, text, stated_in, file, line, index, scope = row
    entry = Entry.model_validate(entry_fields)
    checks = (isinstance(text, str) and isinstance(stated_in, int) and file == name
              and isinstance(line, int) and isinstance(index, int) and scope in SCOPES
              and entry.indicator in known.indicators and entry.source in known.sources)
    if not checks:
        raise ValueError("stored record does not fit its file")
    return Record(entry, parse_period(str(text)), int(stated_in), name,  # type: ignore[call-overload]
                  int(line), int(index), str(scope))  # type: ignore[call-overload]


def _problem_from_json(row: list[object]) -> Problem:
    problem = Problem(*row)  # type: ignore[arg-type]
    types = (str, int, int, str, str, str, str)
    if not all(isinstance(value, kind) for value, kind in zip(row, types, strict=True)):
        raise ValueError("stored problem is malformed")
    return problem


class BuildCache:
    """Validated results per year file, in memory and on disk under ``root/.goalpost-cache``."""

    def __init__(self, root: Path, folder: Path | None = None) -> None:
        self.root = root
        self.folder = folder or root / CACHE_DIR
        self.results: dict[str, FileResult] = {}
        self.context = ""
        self.rebuilt: list[str] = []
        self._stamps: dict[str, tuple[Signature | None, str]] = {}
        self._strays = ""
        self._registries = Dataset()
        self._registry_shas: dict[Path, tuple[Signature | None, str]] = {}
        self._dataset: Dataset | None = None

    @property
    def stamps_file(self) -> Path:
        return self.folder / "stamps.json"

    def _result_file(self, name: str, sha: str) -> Path:
        key = _sha("\0".join((name, sha)).encode())  # path and content: a copy is its own
        return self.folder / _sha(self.context.encode()) / f"{key}.json"

    def load(self) -> Dataset:
        """The project, rebuilding only year files whose content changed since last time."""
        with _LOCK:  # the dashboard's sessions share one cache
            return self._load()

    def _load(self) -> Dataset:
        context = self._context()
        if context != self.context:  # first load, or the registries or code changed
            self.results, self.context, self._dataset = {}, context, None
            self._registries = load_registries(self.root)
        scan = self._scan()
        if self._dataset is not None and self._fresh(scan, self._stamps, self._strays):
            return self._dataset
        previous, before = dict(self.results), self.rebuilt
        self.rebuilt = []
        now, stamps, results = time.time_ns(), {}, []
        for name, path in scan.paths.items():
            result = self._result(path, name, self._registries)
            signature = scan.signatures[name]
            stamps[name] = (signature if _settled(signature, now) else None, result.sha)
            results.append(result)
        for gone in set(self.results) - set(scan.paths):
            del self.results[gone]
        unchanged = (self._dataset is not None and scan.strays_sha == self._strays
                     and previous.keys() == self.results.keys()
                     and all(previous[name] is self.results[name] for name in previous))
        if stamps != self._stamps or scan.strays_sha != self._strays:
            self._stamps, self._strays = stamps, scan.strays_sha
            self._write_stamps()
        if unchanged and self._dataset is not None:  # hashed again, nothing new
            self.rebuilt = before  # what the last real build rebuilt
            return self._dataset
        self._dataset = self._assemble(scan, results)
        return self._dataset

    def _assemble(self, scan: _Scan, results: list[FileResult]) -> Dataset:
        dataset = Dataset(self._registries.indicators, self._registries.sources, [],
                          [*self._registries.problems, *scan.strays],
                          list(self._registries.files), broken=self._registries.broken,
                          invalid=self._registries.invalid)
        for result in results:
            dataset.files.extend(result.files)
            dataset.records.extend(result.records)
            dataset.problems.extend(result.problems)
        dataset.records, duplicates = without_duplicates(dataset.records)
        dataset.problems.extend(duplicates)
        dataset.problems.sort(key=Problem.sort_key)
        return dataset

    def _scan(self) -> _Scan:
        paths, strays = scan_targets(self.root)
        named = {path.relative_to(self.root).as_posix(): path for path in paths}
        return _Scan(named, {name: _signature(path) for name, path in named.items()}, strays)

    @staticmethod
    def _fresh(scan: _Scan, stamps: dict[str, tuple[Signature | None, str]],
               strays: str) -> bool:
        """True when no year file came, went or changed (by a trusted stat) since the stamps
        were taken, and the stray files are the same."""
        if scan.signatures.keys() != stamps.keys() or scan.strays_sha != strays:
            return False
        return all(stamps[name][0] is not None and stamps[name][0] == signature
                   for name, signature in scan.signatures.items())

    def stamped_key(self) -> str | None:
        """The content key without loading any record (from memory after a load, else from
        the stored stamps); ``None`` when a file changed, came or went since."""
        context = self._context()
        if self.context and context != self.context:
            return None  # the registries or code changed since the last load
        stamps, strays = ((self._stamps, self._strays) if self._dataset is not None
                          else self._read_stamps(context))
        if not stamps or not self._fresh(self._scan(), stamps, strays):
            return None
        return _key(context, [(name, sha) for name, (_, sha) in stamps.items()], strays)

    def content_key(self) -> str:
        """One hash for everything the dataset is built from (after :meth:`load`)."""
        return _key(self.context, [(name, r.sha) for name, r in self.results.items()],
                    self._strays)

    def _context(self) -> str:
        """Code and registry hashes: what every year file's result depends on."""
        return ":".join([code_version(), *(self._registry_sha(self.root / relative)
                                           for relative in (INDICATORS_FILE, SOURCES_FILE))])

    def _registry_sha(self, path: Path) -> str:
        """A registry's hash, read again only when its (settled) stat changes."""
        signature = _signature(path)
        known = self._registry_shas.get(path)
        if known is not None and known[0] is not None and known[0] == signature:
            return known[1]
        try:
            sha = _sha(read_regular(path))
        except (OSError, FileRefused):
            sha = "missing"
        trusted = signature if _settled(signature, time.time_ns()) else None
        self._registry_shas[path] = (trusted, sha)
        return sha

    def _result(self, path: Path, name: str, registries: Dataset) -> FileResult:
        try:
            raw: bytes | None = read_regular(path)
        except (OSError, FileRefused):
            raw = None  # load_year_file reports why
        sha = _sha(raw) if raw is not None else "unreadable"
        cached = self.results.get(name)
        if cached is not None and raw is not None and cached.sha == sha:
            return cached
        stored = self._read_result(name, sha) if raw is not None else None
        if stored is None:
            scratch = Dataset(registries.indicators, registries.sources,
                              broken=registries.broken, invalid=registries.invalid)
            load_year_file(path, self.root, scratch, raw)
            stored = FileResult(name, sha, scratch.records, scratch.problems, scratch.files)
            if raw is not None:
                self._write_result(stored)
            self.rebuilt.append(name)
        self.results[name] = stored
        return stored

    def _read_stamps(self, context: str) -> tuple[dict[str, tuple[Signature | None, str]], str]:
        """The stored stamps, if they are for ``context`` and well formed; else nothing."""
        try:
            stamps = json.loads(read_regular(self.stamps_file))
            if stamps["format"] != FORMAT or stamps["context"] != context:
                return {}, ""
            files = {str(name): (_stored_signature(signature), str(sha))
                     for name, (signature, sha) in stamps["files"].items()}
            return files, str(stamps["strays"])
        except (OSError, FileRefused, ValueError, KeyError, TypeError, AttributeError):
            return {}, ""

    def _write_stamps(self) -> None:
        files = {name: [list(signature) if signature else None, sha]
                 for name, (signature, sha) in self._stamps.items()}
        payload = {"format": FORMAT, "context": self.context, "files": files,
                   "strays": self._strays}
        with contextlib.suppress(OSError):  # a read-only project works, just without a cache
            write_atomic(self.stamps_file, json.dumps(payload), replace=True)

    def _read_result(self, name: str, sha: str) -> FileResult | None:
        """A stored result, only if its digest matches and its records validate again."""
        try:
            raw = read_regular(self._result_file(name, sha), MAX_RESULT_BYTES)
            digest, _, body = raw.partition(b"\n")
            if digest.decode() != self._digest(body):
                return None
            item = json.loads(body)
            if item["name"] != name or item["sha"] != sha:
                return None
            return FileResult(name, sha,
                              [_record_from_json(row, name, self._registries)
                               for row in item["records"]],
                              [_problem_from_json(row) for row in item["problems"]],
                              [str(file) for file in item["files"]])
        except (OSError, FileRefused, ValueError, KeyError, TypeError, AttributeError,
                ValidationError):
            return None

    def _digest(self, body: bytes) -> str:
        key = _sha(self.context.encode()).encode()
        return hashlib.blake2b(body, key=key, digest_size=16).hexdigest()

    def _write_result(self, result: FileResult) -> None:
        payload = {"name": result.name, "sha": result.sha,
                   "records": [_record_json(x) for x in result.records],
                   "problems": [[p.file, p.line, p.column, p.field, p.message, p.hint, p.code]
                                for p in result.problems], "files": result.files}
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
        with contextlib.suppress(OSError):
            write_atomic(self._result_file(result.name, result.sha),
                         f"{self._digest(body)}\n{body.decode()}", replace=True)


def _stored_signature(value: object) -> Signature | None:
    if value is None:
        return None
    if not (isinstance(value, list) and len(value) == 4
            and all(isinstance(part, int) for part in value)):
        raise ValueError("malformed stamp")
    return (value[0], value[1], value[2], value[3])


def cache_enabled() -> bool:
    """``GOALPOST_NO_CACHE=1`` turns the build cache off (for debugging)."""
    return os.environ.get("GOALPOST_NO_CACHE") != "1"
