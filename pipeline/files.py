"""Read the project's files defensively: regular files only, of bounded size, never blocking.

A named pipe (FIFO) opened for reading waits for a writer forever, and a device such as
``/dev/zero`` never ends; both are refused after opening without blocking, by looking at
what was actually opened (so swapping the file in between does not help).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_FILE_BYTES = 5 * 2**20  # a year file holds one year's statements: tens to a few thousand
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
          (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))


class FileRefused(Exception):
    """A file that is not read, and why: ``message``, ``hint`` and a stable ``code``."""

    def __init__(self, message: str, hint: str, code: str) -> None:
        super().__init__(message)
        self.message, self.hint, self.code = message, hint, code


def kind(mode: int) -> str:
    """What a file is, in words: ``a named pipe (FIFO)``, ``a device``…"""
    return next((word for test, word in _KINDS if test(mode)), "not a regular file")


def megabytes(size: int) -> str:
    return f"{size / 2**20:.1f} MB"


def read_regular(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` (default
    :data:`MAX_FILE_BYTES`) of them.

    Raises :class:`FileRefused` for anything else (FIFO, device, folder, too large) and
    ``OSError`` when it cannot be opened."""
    limit = MAX_FILE_BYTES if limit is None else limit
    handle = os.open(path, _FLAGS)
    try:
        mode = os.fstat(handle).st_mode
        if not stat.S_ISREG(mode):
            raise FileRefused(f"expected a text file, found {kind(mode)}; it is not read",
                              "year files and registries are plain UTF-8 text files",
                              "not_a_file")
        chunks, size = [], 0
        while chunk := os.read(handle, min(2**20, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise FileRefused(f"expected a file of at most {megabytes(limit)}, found a "
                                  "larger one; it is not read",
                                  "is this the right file? a year file holds one year's "
                                  "statements", "too_large")
        return b"".join(chunks)
    finally:
        os.close(handle)


def inside(path: Path, folder: Path) -> bool:
    """True when ``path``, with every link followed, is inside ``folder``."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a link loop
        return False
