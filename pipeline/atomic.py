"""Write files so that a crash never leaves half a file and nothing is overwritten silently."""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import datetime
from pathlib import Path


class WouldOverwrite(FileExistsError):
    """The target file exists and the caller did not allow replacing it."""


def write_atomic(path: Path, text: str, *, replace: bool = False) -> None:
    """Write ``text`` (UTF-8) to ``path`` via a temporary file and an atomic rename."""
    if path.exists() and not replace:
        raise WouldOverwrite(str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def backup_path(path: Path) -> Path:
    """Where the previous version of ``path`` is kept: beside it, as ``<name>.<time>.bak``,
    a name no goalpost command reads as data."""
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S%f")
    return path.with_name(f"{path.name}.{stamp}.bak")


def write_keeping_backup(path: Path, text: str, *, force: bool = False) -> Path | None:
    """Write atomically; an existing file is refused unless ``force``, and then copied to a
    backup first. Returns the backup's path, if one was made."""
    backup = None
    if path.exists():
        if not force:
            raise WouldOverwrite(str(path))
        backup = backup_path(path)
        shutil.copy2(path, backup)
    write_atomic(path, text, replace=True)
    return backup
