"""Write files so that a crash never leaves half a file and nothing is overwritten silently."""

from __future__ import annotations

import os
import tempfile
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
