"""Safe, strict YAML reading that remembers where every key and value was written.

Only plain data is built: mappings, lists, strings, numbers, true/false and null.
What the analyst wrote stays a string where it is one (``2020-12`` is not a date,
``1:30`` is not sexagesimal, ``yes`` is not a boolean). Duplicate keys, tags and
anchors/aliases are reported as problems, never executed or silently merged.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import NamedTuple

import yaml

from pipeline.files import FileRefused, read_regular
from pipeline.problems import Path, Problem, show
from pipeline.yaml_syntax import explain

try:  # LibYAML's C parser when available: same nodes, much faster.
    from yaml.cyaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser):  # type: ignore[no-redef]
        """Pure-Python stand-in with the same constructor as ``CParser``."""

        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"

_INT_RE = re.compile(r"^[-+]?[0-9]+$")
_FLOAT_RE = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NULLS = {"", "~", "null", "Null", "NULL"}
MAX_DEPTH = 64
MAX_NUMBER_CHARS = 40  # more digits than any figure needs; Python refuses ints over 4,300
# What YAML forbids anywhere in a file (the YAML 1.1 printable set, inverted).
_FORBIDDEN = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd"
                        "\U00010000-\U0010ffff]")
_ODD_BREAKS = re.compile("[\x85\u2028\u2029]")  # line breaks to YAML, not to editors
MAX_CHARACTER_PROBLEMS = 20


_PLAIN = "?plain"
_ALLOWED_TAGS = {_STR, _SEQ, _MAP, _PLAIN}


class _Resolver(yaml.resolver.BaseResolver):
    """Marks unquoted scalars so that :class:`_Builder` resolves them itself."""

    def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode and implicit[0]:
            return _PLAIN
        return super().resolve(kind, value, implicit)

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        """No path-based resolvers here: skip the bookkeeping for speed."""

    def ascend_resolver(self) -> None:
        """See :meth:`descend_resolver`."""


class _Composer(_Parser, yaml.composer.Composer, _Resolver):  # type: ignore[misc,valid-type]
    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        yaml.composer.Composer.__init__(self)
        _Resolver.__init__(self)


@dataclass
class Document:
    """Plain data from one YAML file, and its node tree to locate any path on demand."""

    file: str
    data: object
    root: yaml.Node | None = field(default=None, repr=False)
    starts: list[int] | None = field(default=None, repr=False)  # see :func:`line_starts`

    def locate(self, mark: yaml.Mark) -> tuple[int, int]:
        """1-based line and column of a YAML mark, counting only ``\\n`` as a line break
        (YAML also breaks lines at U+2028, U+2029 and U+0085; editors do not)."""
        return _locate(mark, self.starts)

    def where(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """1-based line and column of ``path``: its value (or its key, with ``key=True``).

        A path that is not in the file (a missing field) falls back to the nearest written
        parent, so "required field is missing" points at the entry that lacks it."""
        node, key_node = self.root, None
        if node is None:
            return (1, 1)
        for part in path:
            child = _child(node, part)
            if child is None:
                return self.locate((key_node if key_node is not None else node).start_mark)
            key_node, node = child
        return self.locate((key_node if key and key_node is not None else node).start_mark)

    def problem(self, path: Path, field_name: str, message: str, hint: str = "", *,
                key: bool = False, code: str = "invalid") -> Problem:
        line, column = self.where(path, key=key)
        return Problem(self.file, line, column, field_name, message, hint, code)


def _child(node: yaml.Node, part: str | int) -> tuple[yaml.Node | None, yaml.Node] | None:
    """The (key node, value node) under ``node`` for a mapping key or a list index."""
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == part:
                return key_node, value_node
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and \
            0 <= part < len(node.value):
        return None, node.value[part]
    return None


def line_starts(text: str) -> list[int] | None:
    """Where each line starts, for texts whose YAML line count would differ from an
    editor's; ``None`` for the usual text (then YAML's own count is right)."""
    if not _ODD_BREAKS.search(text):
        return None
    return [0, *(match.end() for match in re.finditer("\n", text))]


def _locate(mark: yaml.Mark, starts: list[int] | None) -> tuple[int, int]:
    if starts is None:
        return (mark.line + 1, mark.column + 1)
    line = bisect.bisect_right(starts, mark.index)
    return (line, mark.index - starts[line - 1] + 1)


class _Builder:
    """Turns a composed node tree into plain data, recording positions and problems."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.problems: list[Problem] = []
        self._seen: set[int] = set()

    def build(self, node: yaml.Node, path: Path, depth: int = 0) -> object:
        if node.tag == _PLAIN:  # the common case first: an unquoted scalar
            value = _plain(node.value)
            return self._bad_number(node, path, value) if type(value) is BadNumber else value
        if depth > MAX_DEPTH:
            return self._fail(node, path, f"nesting deeper than {MAX_DEPTH} levels",
                              "year files are a list of flat entries", "too_deep")
        if node.tag not in _ALLOWED_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            return self._fail(node, path, f"YAML tag {show(tag)} is not allowed",
                              "remove the tag; write plain text, numbers, lists and mappings",
                              "yaml_tag")
        if isinstance(node, yaml.ScalarNode):
            return node.value  # quoted, block or !!str: text as written
        if id(node) in self._seen:
            return self._fail(node, path, "YAML anchors and aliases (&name, *name) are not allowed",
                              "write the value out in full", "yaml_alias")
        self._seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        return self._mapping(node, path, depth)

    def _mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict[str, object]:
        result: dict[str, object] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self._fail(key_node, path, "a key must be plain text",
                           "write 'name: value'; lists and mappings cannot be keys", "yaml_key")
                continue
            key = key_node.value
            if key in result:
                first = self.document.locate(
                    next(k for k, _ in node.value if k.value == key).start_mark)
                self._fail(key_node, path, f"duplicate key {show(key)}",
                           f"it is already set on line {first[0]}; keep one", "duplicate_key",
                           field_name=_join(path, key))
                continue
            if value_node.tag == _PLAIN:  # fast path for the common case
                value = _plain(value_node.value)
                result[key] = (self._bad_number(value_node, (*path, key), value)
                               if type(value) is BadNumber else value)
                continue
            if id(value_node) in self._seen:  # an alias: point at the key that uses it
                self._fail(key_node, path, "YAML anchors and aliases (&name, *name) are not "
                           "allowed", "write the value out in full", "yaml_alias",
                           field_name=_join(path, key))
                continue
            result[key] = self.build(value_node, (*path, key), depth + 1)
        return result

    def _bad_number(self, node: yaml.Node, path: Path, bad: BadNumber) -> str:
        """Report a number goalpost cannot hold; keep the text, so the entry fails too."""
        self._fail(node, path, bad.message, bad.hint, bad.code)
        return node.value

    def _fail(self, node: yaml.Node, path: Path, message: str, hint: str, code: str,
              field_name: str | None = None) -> None:
        line, column = self.document.locate(node.start_mark)
        name = field_name if field_name is not None else _join(path)
        self.problems.append(Problem(self.document.file, line, column, name, message, hint, code))
        return None


class BadNumber(NamedTuple):
    """A written number goalpost cannot hold, and what to say about it."""

    message: str
    hint: str
    code: str


def _plain(text: str) -> object:
    """An unquoted scalar: null, true/false, an integer, a decimal number, or text; or a
    :class:`BadNumber` for a number too long, too large or too small to hold."""
    first = text[:1]
    if first and (first.isdigit() or first in "+-."):
        number = _INT_RE.match(text) or _FLOAT_RE.match(text)
        if number and len(text) > MAX_NUMBER_CHARS:
            return BadNumber(f"expected a number of at most {MAX_NUMBER_CHARS} characters, "
                             f"found one of {len(text):,}", "write the figure in base units, "
                             "e.g. 126000", "number_too_long")
        if _INT_RE.match(text):
            return int(text)
        if number:
            return _decimal(text)
        return text
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    return text


def _decimal(text: str) -> float | BadNumber:
    value = float(text)
    if math.isinf(value):
        return BadNumber(f"expected a number below 1e308, found {text}",
                         "write the figure in base units, e.g. 126000", "number_too_large")
    if value == 0 and re.search("[1-9]", re.split("[eE]", text)[0]):
        return BadNumber(f"expected a number that can be stored, found {text}, which is so "
                         "small it would become 0", "write 0, or the figure in base units",
                         "number_too_small")
    return value


def _join(path: Path, key: str | None = None) -> str:
    from pipeline.problems import format_path

    return format_path((*path, key) if key is not None else path)


def read_yaml(path: FsPath, display: str | None = None) -> tuple[Document, list[Problem]]:
    """Read ``path``; return its data with positions, and every problem found reading it."""
    name = display or str(path)
    document = Document(name, None)
    try:
        raw = read_regular(path)
    except FileRefused as refused:
        return document, [Problem(name, 1, 1, "", refused.message, refused.hint, refused.code)]
    except OSError as error:
        return document, [Problem(name, 1, 1, "", f"cannot read file: {error.strerror}",
                                  "check the path and permissions", "unreadable")]
    return parse_yaml(raw, name)


def parse_yaml(raw: bytes, name: str) -> tuple[Document, list[Problem]]:
    """Parse UTF-8 YAML bytes named ``name`` into a located :class:`Document`."""
    document = Document(name, None)
    text, problem = _decode(raw, name)
    if problem:
        return document, [problem]
    if characters := _character_problems(text, name):
        return document, characters
    document.starts = line_starts(text)
    try:
        composer = _Composer(text)
        try:
            root = composer.get_single_node()
        finally:
            composer.dispose()
    except yaml.MarkedYAMLError as error:
        return document, [_syntax_problem(error, name, text, document.starts)]
    except yaml.reader.ReaderError as error:
        return document, [_character_problem(error, name, text)]
    except yaml.YAMLError as error:
        message = " ".join(str(error).split())
        return document, [Problem(name, 1, 1, "", f"YAML error: {message}",
                                  "check the file's syntax", "yaml_syntax")]
    except RecursionError:
        return document, [Problem(name, 1, 1, "", "nesting too deep to read",
                                  "year files are a list of flat entries", "too_deep")]
    if root is None:
        return document, []
    if "*" in text and (aliases := _alias_problems(text, name, document.starts)):
        return document, aliases
    builder = _Builder(document)
    document.root = root
    document.data = builder.build(root, ())
    return document, builder.problems


def _alias_problems(text: str, name: str, starts: list[int] | None) -> list[Problem]:
    """One problem per alias (``*name``), at the alias itself rather than its anchor."""
    return [Problem(name, *_locate(event.start_mark, starts), "",
                    f"YAML alias *{event.anchor} is not allowed",
                    "anchors and aliases are not supported; write the value out in full",
                    "yaml_alias")
            for event in _events(text) if isinstance(event, yaml.AliasEvent)]


def _events(text: str) -> list[yaml.Event]:
    parser = _Composer(text)
    events = []
    try:
        while parser.check_event():
            events.append(parser.get_event())
    finally:
        parser.dispose()
    return events


def _decode(raw: bytes, name: str) -> tuple[str, Problem | None]:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        byte = raw[error.start]
        return "", Problem(name, line, column, "", f"not valid UTF-8 (byte 0x{byte:02x})",
                           "save the file as UTF-8; GBK/GB2312 text must be re-encoded",
                           "encoding")


def _character_problems(text: str, name: str) -> list[Problem]:
    """Every character YAML forbids (control characters), each at its line and column."""
    problems = []
    for match in _FORBIDDEN.finditer(text):
        before = text[: match.start()]
        line = before.count("\n") + 1
        column = match.start() - (before.rfind("\n") + 1) + 1
        problems.append(Problem(name, line, column, "", f"character U+{ord(match[0]):04X} is "
                                "not allowed in YAML", "delete it; it often comes from copying "
                                "text out of a web page or PDF", "yaml_character"))
        if len(problems) == MAX_CHARACTER_PROBLEMS:
            break
    return problems


def _character_problem(error: yaml.reader.ReaderError, name: str, text: str) -> Problem:
    """A character YAML forbids, as LibYAML reports it: its position counts UTF-8 bytes."""
    position = error.position
    if _Parser.__module__.startswith("yaml._yaml"):
        position = len(text.encode("utf-8")[:position].decode("utf-8", errors="ignore"))
    before = text[:position]
    line = before.count("\n") + 1
    column = position - (before.rfind("\n") + 1) + 1
    code = error.character if isinstance(error.character, int) else ord(str(error.character))
    return Problem(name, line, column, "", f"character U+{code:04X} is not allowed in YAML",
                   "delete it; it often comes from copying text out of a web page or PDF",
                   "yaml_character")


def _syntax_problem(error: yaml.MarkedYAMLError, name: str, text: str,
                    starts: list[int] | None = None) -> Problem:
    problem = (error.problem or "invalid YAML").strip()
    context = (error.context or "").strip()
    unclosed = _UNCLOSED.get(context) if error.context_mark else None
    at_end = error.problem_mark is not None and error.problem_mark.index >= len(text.rstrip())
    if unclosed and at_end:
        mark = error.context_mark  # where it opened, not where the file ends
        line, column = _locate(mark, starts)
        return Problem(name, line, column, "", f"YAML syntax: expected {unclosed[0]} to be "
                       f"closed, found it still open where the file ends", unclosed[1],
                       "yaml_syntax")
    mark = error.problem_mark or error.context_mark
    line, column = _locate(mark, starts) if mark else (1, 1)
    hint = "check indentation, colons and quotes on this line and the one above"
    if "'\\t'" in problem or "\t" in problem or _has_tab(text, line):
        problem, hint = "tab character in indentation", "YAML indents with spaces only"
    elif said := explain(problem, text, line, _locate(error.context_mark, starts)[0]
                         if error.context_mark else None):
        return Problem(name, said.line, said.column, "", f"YAML syntax: {said.message}",
                       said.hint, "yaml_syntax")
    elif error.context:
        problem = f"{problem} ({context})"
    return Problem(name, line, column, "", f"YAML syntax: {problem}", hint, "yaml_syntax")


_UNCLOSED = {
    "while scanning a quoted scalar": ("the quoted text that starts here",
                                       "add the closing quote where the text ends"),
    "while parsing a flow sequence": ("the list '[' that starts here",
                                      "add the closing ']' where the list ends"),
    "while parsing a flow mapping": ("the mapping '{' that starts here",
                                     "add the closing '}' where the mapping ends"),
}


def _has_tab(text: str, line: int) -> bool:
    lines = text.splitlines()
    return 0 < line <= len(lines) and "\t" in lines[line - 1][: len(lines[line - 1]) -
                                                              len(lines[line - 1].lstrip())]
