"""YAML syntax errors in the analyst's words: which line, what is wrong there, how to fix it.

The parser says ``did not find expected '-' indicator`` or ``mapping values are not allowed
in this context``; an analyst needs "this line is indented one space less than the line
above" or "a colon inside a value: put the value in quotes". :func:`explain` reads the
lines around the parser's position and returns such a message, or ``None`` when it cannot
tell (the caller then shows the parser's words).
"""

from __future__ import annotations

import re
from typing import NamedTuple

_KEY = re.compile(r"^(\s*)(-\s+)?([A-Za-z_][A-Za-z0-9_]*)(\s*)([:：])")
_OPEN_QUOTE = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][A-Za-z0-9_]*:\s+([\"'])")


class Explained(NamedTuple):
    """A syntax error restated: where (1-based line and column), what, and a hint."""

    line: int
    column: int
    message: str
    hint: str


def explain(problem: str, text: str, line: int, opened: int | None = None) -> Explained | None:
    """The parser's ``problem`` at ``line`` (and the line ``opened`` where the construct it
    was reading began) in plain words, or ``None``."""
    lines = text.split("\n")
    for rule in (_unclosed_quote, _full_width_colon):
        if found := rule(lines, line, opened or line):
            return found
    if "mapping values are not allowed" in problem:
        return _colon_in_value(lines, line) or _indentation(lines, line)
    if "could not find expected ':'" in problem:
        return _missing_colon(lines, opened or line)
    if "expected '-'" in problem or "expected <block end>" in problem \
            or "did not find expected key" in problem:
        return _indentation(lines, line)
    return None


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _unclosed_quote(lines: list[str], line: int, opened: int) -> Explained | None:
    """A value that opens a quote and does not close it on its line."""
    for number in range(1, min(line, len(lines)) + 1):
        text = lines[number - 1]
        match = _OPEN_QUOTE.match(text)
        if match and not _closes(text[match.end():], match[1]):
            return Explained(number, match.start(1) + 1, "a quoted value opens here and is "
                             "not closed on its line", f"add the closing {match[1]} where "
                             "the text ends, on this line")
    return None


def _closes(rest: str, quote: str) -> bool:
    if quote == "'":
        return "'" in rest.replace("''", "")
    return bool(re.search(r'(?<!\\)(?:\\\\)*"', rest))


def _full_width_colon(lines: list[str], line: int, opened: int) -> Explained | None:
    """``note： text``: a full-width colon is not YAML's colon, so the key never ends."""
    for number in range(max(1, min(opened, line) - 1), min(line, len(lines)) + 1):
        match = _KEY.match(lines[number - 1])
        if match and match[5] == "：":
            return Explained(number, match.start(5) + 1, f"full-width colon '：' after "
                             f"{match[3]!r}", f"YAML needs the ASCII colon: write "
                             f"'{match[3]}: …'")
    return None


def _colon_in_value(lines: list[str], line: int) -> Explained | None:
    """``note: Growth: about 6%``: the second colon looks like another key."""
    if not 0 < line <= len(lines):
        return None
    text = lines[line - 1]
    match = _KEY.match(text)
    if not match:
        return None
    value = text[match.end():].strip()
    if ": " not in value and not value.endswith(":"):
        return None
    column = match.end() + text[match.end():].index(value) + value.index(":") + 1
    return Explained(line, column, "a colon inside a value: put the value in quotes",
                     f'write {match[3]}: "{value}"')


def _missing_colon(lines: list[str], line: int) -> Explained | None:
    """A line YAML reads as the start of a key, with no ``: `` after it."""
    if not 0 < line <= len(lines):
        return None
    text = lines[line - 1]
    if re.match(r"^\s*(?:-\s+)?[A-Za-z_][A-Za-z0-9_]*:\S", text):
        column = text.index(":") + 1
        return Explained(line, column, "a colon needs a space after it",
                         "write 'key: value', with a space after the colon")
    column = len(text) - len(text.lstrip()) + 1
    return Explained(line, column, "this line has no colon after its key",
                     "write 'key: value'; text that goes on over several lines must be "
                     "in quotes")


def _indentation(lines: list[str], line: int) -> Explained | None:
    """The line's indentation against the line above it that holds content."""
    if not 0 < line <= len(lines):
        return None
    text = lines[line - 1]
    above = next((n for n in range(line - 1, 0, -1) if _content(lines[n - 1])), None)
    if above is None or not _content(text):
        return None
    here = len(text) - len(text.lstrip())
    prior = lines[above - 1]
    dash = text.lstrip().startswith("- ")
    if dash:
        dash_lines = [n for n in range(above, 0, -1) if lines[n - 1].lstrip().startswith("- ")]
        if not dash_lines:
            return None
        above = dash_lines[0]
        wanted = len(lines[above - 1]) - len(lines[above - 1].lstrip())
        what = "entry's '-'"
    else:
        stripped = prior.lstrip()
        wanted = len(prior) - len(stripped) + (len(stripped) - len(stripped[1:].lstrip()) if
                                               stripped.startswith("- ") else 0)
        what = "line"
    if here == wanted:
        return None
    side = "less" if here < wanted else "more"
    spaces = _plural(abs(here - wanted), "space")
    hint = (f"start each entry's '- ' in column {wanted + 1}, like line {above}" if dash else
            f"indent it {wanted} spaces, like line {above}, so that it belongs to the same "
            "entry; a new entry starts with '- '")
    return Explained(line, here + 1, f"this {what} is indented {spaces} {side} than the "
                     f"{'entry' if dash else 'line'} above (line {above})", hint)


def _content(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and not stripped.startswith("#")
