"""Write files so that a crash never leaves half a file and nothing is overwritten silently.

Every file is written in full to a temporary name beside it, flushed to disk, then put in
place in one step: a hard link (which fails if the name exists, so two writers cannot both
"create" it) or, when replacing is allowed, a rename. New files get the usual mode (0666
less the umask); a replaced file keeps its mode. Backups are made the same way, and only
the newest :data:`KEEP_BACKUPS` of each file are kept.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import shutil
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

KEEP_BACKUPS = 5
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
_NO_LINKS = (errno.EPERM, errno.EXDEV, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK,
             errno.ENOSYS)


class WouldOverwrite(FileExistsError):
    """The target file exists and the caller did not allow replacing it."""


def _mode_of(path: Path) -> int | None:
    """Permission bits of an existing regular file, to give its replacement."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        return None


def _not_a_folder(path: Path) -> None:
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))


def _temporary(path: Path, data: bytes, mode: int | None) -> Path:
    """``data`` written and flushed to a new file beside ``path``; the kernel applies the
    umask to its 0666 mode unless ``mode`` is given."""
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            handle = os.open(temporary, _FLAGS, 0o666)
            break
        except FileExistsError:
            continue
        except OSError as error:
            raise OSError(error.errno, error.strerror, str(path)) from error
    try:
        with os.fdopen(handle, "wb") as stream:
            if mode is not None:
                os.fchmod(stream.fileno(), mode)
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except OSError as error:  # name the file being written, not its temporary
        temporary.unlink(missing_ok=True)
        raise OSError(error.errno, error.strerror, str(path)) from error
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _publish(temporary: Path, path: Path, *, replace: bool) -> None:
    """Give the finished ``temporary`` its name; without ``replace``, only if it is free."""
    try:
        if replace:
            os.replace(temporary, path)
            return
        try:
            os.link(temporary, path)
        except FileExistsError:
            raise WouldOverwrite(str(path)) from None
        except OSError as error:
            if error.errno not in _NO_LINKS:
                raise
            _claim(path)  # no hard links here: claim the name exclusively, then fill it
            os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _claim(path: Path) -> None:
    try:
        os.close(os.open(path, _FLAGS, 0o666))
    except FileExistsError:
        raise WouldOverwrite(str(path)) from None


def write_atomic(path: Path, text: str, *, replace: bool = False) -> None:
    """Write ``text`` (UTF-8) to ``path`` via a temporary file; refuse an existing ``path``
    unless ``replace`` (the check and the creation are one step)."""
    data = text.encode("utf-8")
    _not_a_folder(path)
    if not replace and os.path.lexists(path):
        raise WouldOverwrite(str(path))
    _publish(_temporary(path, data, _mode_of(path) if replace else None), path,
             replace=replace)


def backup_path(path: Path) -> Path:
    """Where the previous version of ``path`` is kept: beside it, as ``<name>.<time>.bak``,
    a name no goalpost command reads as data."""
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S%f")
    return path.with_name(f"{path.name}.{stamp}.bak")


def backup_pattern(name: str) -> re.Pattern[str]:
    """Names of the backups of a file called ``name``."""
    return re.compile(re.escape(name) + r"\.[0-9]{8}T[0-9]{12}(?:-[0-9]+)?\.bak")


def _backup(path: Path) -> Path:
    """A complete copy of ``path`` under a new backup name (copied to a temporary first)."""
    mode, content = _mode_of(path), path.read_bytes()
    backup = backup_path(path)
    for attempt in range(1, 100):
        temporary = _temporary(path, content, mode)
        shutil.copystat(path, temporary)
        try:
            _publish(temporary, backup, replace=False)
            return backup
        except WouldOverwrite:
            backup = backup_path(path).with_name(f"{backup_path(path).stem}-{attempt}.bak")
    raise WouldOverwrite(str(backup))


def prune_backups(path: Path, keep: int = KEEP_BACKUPS) -> list[Path]:
    """Delete all but the newest ``keep`` backups of ``path``; return what was deleted."""
    pattern = backup_pattern(path.name)
    try:
        backups = sorted(p for p in path.parent.iterdir() if pattern.fullmatch(p.name))
    except OSError:
        return []
    old = backups[:-keep] if keep else backups
    for stale in old:
        stale.unlink(missing_ok=True)
    return old


def write_keeping_backup(path: Path, text: str, *, force: bool = False) -> Path | None:
    """Write atomically; an existing file is refused unless ``force``, and then copied to a
    backup first. Returns the backup's path, if one was made."""
    return write_all({path: text}, force=force).get(path)


def write_all(files: Mapping[Path, str], *, force: bool = False) -> dict[Path, Path]:
    """Write several files so that they appear together: every one is complete on disk
    before the first is put in place. Existing files are refused unless ``force``, and then
    backed up first. Returns each replaced file's backup."""
    data = {path: text.encode("utf-8") for path, text in files.items()}
    for path in data:
        _not_a_folder(path)
    existing = [path for path in data if os.path.lexists(path)]
    if existing and not force:
        raise WouldOverwrite(", ".join(str(p) for p in existing))
    temporaries: dict[Path, Path] = {}
    backups: dict[Path, Path] = {}
    try:
        for path, content in data.items():
            temporaries[path] = _temporary(path, content, _mode_of(path))
        if force:
            backups = {path: _backup(path) for path in data if os.path.lexists(path)}
        _publish_all(temporaries, backups, replace=force)
    finally:
        for temporary in temporaries.values():
            temporary.unlink(missing_ok=True)
    for path in backups:
        prune_backups(path)
    return backups


def _publish_all(temporaries: dict[Path, Path], backups: dict[Path, Path], *,
                 replace: bool) -> None:
    """Put every file in place; if one fails, undo the ones already done."""
    done: list[Path] = []
    try:
        for path, temporary in temporaries.items():
            _publish(temporary, path, replace=replace)
            done.append(path)
    except BaseException:
        for path in done:
            if path in backups:
                restored = _temporary(path, backups[path].read_bytes(), _mode_of(path))
                _publish(restored, path, replace=True)
            else:
                path.unlink(missing_ok=True)
        raise
