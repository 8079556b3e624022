"""Problems found in the analysts' files, as data: one per mistake, with its location."""

from __future__ import annotations

from dataclasses import dataclass

Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one file, located as precisely as the input allows."""

    file: str
    line: int
    column: int
    field: str
    message: str
    hint: str = ""
    code: str = "invalid"

    def format(self) -> str:
        """The one-line form a person reads: ``file:line:col: field: message (hint)``."""
        where = f"{self.file}:{self.line}:{self.column}"
        text = f"{where}: {self.field}: {self.message}" if self.field else \
            f"{where}: {self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text

    def sort_key(self) -> tuple[str, int, int]:
        return (self.file, self.line, self.column)


def format_path(path: Path) -> str:
    """Render a location path like ``('entries', 3, 'value')`` as ``entries[3].value``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def show(value: object, limit: int = 60) -> str:
    """A short, quoted rendering of what the analyst wrote, safe for one line."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = repr(value) if isinstance(value, str) else str(value)
    text = text.replace("\n", "\\n")
    return text if len(text) <= limit else text[: limit - 1] + "…"
