"""Turn pydantic's errors into located problems with messages an analyst can act on.

Messages are chosen by pydantic's stable error ``type``, never by its English text.
"""

from __future__ import annotations

import unicodedata
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError

from pipeline.problems import Path, Problem, format_path, show
from pipeline.suggest import did_you_mean
from pipeline.units import base_units_hint
from pipeline.yaml_reader import Document

M = TypeVar("M", bound=BaseModel)


def validate_model(
    model: type[M], data: object, document: Document, prefix: Path = ()
) -> tuple[M | None, list[Problem]]:
    """Validate ``data`` (found at ``prefix`` in ``document``) as ``model``."""
    try:
        return model.model_validate(data), []
    except ValidationError as error:
        return None, [_problem(model, e, document, prefix) for e in error.errors()]


def _problem(model: type[BaseModel], error: Any, document: Document, prefix: Path) -> Problem:
    loc: Path = (*prefix, *error["loc"])
    kind: str = error["type"]
    got = error.get("input")
    field_name = str(error["loc"][-1]) if error["loc"] else ""
    message, hint = _describe(model, kind, got, error, field_name)
    if kind == "missing":
        hint += " to this entry" if len(loc) > 1 else " at the top of the file"
    on_key = kind in ("extra_forbidden",)
    return document.problem(loc, format_path(loc), message, hint, key=on_key, code=kind)


def _describe(model: type[BaseModel], kind: str, got: object, error: Any,
              field_name: str) -> tuple[str, str]:
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "required field is missing", f"add '{field_name}:'"
    if kind == "extra_forbidden":
        allowed = sorted(model.model_fields)
        guess = did_you_mean(field_name, allowed)
        return f"unknown field {show(field_name)}", guess or f"allowed fields: {', '.join(allowed)}"
    if kind in ("float_type", "float_parsing", "int_type", "int_parsing", "int_from_float"):
        wanted = "a whole number" if kind.startswith("int") else "a number"
        hint = (_ascii_digits_hint(got) or base_units_hint(got)) if isinstance(got, str) else ""
        return f"expected {wanted}, got {show(got)}", hint or (
            "write digits in base units without quotes, e.g. 126000 or 6.5")
    if kind in ("finite_number",):
        return f"expected a finite number, got {show(got)}", "write the figure in base units"
    if kind in ("string_type",):
        return f"expected text, got {show(got)}", "put the value in quotes"
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false, got {show(got)}", "write true or false, unquoted"
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", ", ")
        options = [option.strip("'") for option in expected.split(", ")]
        guess = did_you_mean(str(got), options) if isinstance(got, str) else ""
        return f"expected one of {', '.join(options)}; got {show(got)}", guess or (
            "write one of the values listed, exactly as shown")
    if kind == "string_too_short":
        return "must not be empty", "write the text, or remove the field if it is optional"
    if kind == "string_too_long":
        return f"is longer than {ctx.get('max_length')} characters", "shorten it"
    if kind == "string_pattern_mismatch":
        return (f"expected an id of lower-case letters, digits, '_', '.' or '-', got {show(got)}",
                "ids look like industrial_va_growth or miit-conf-2017-12")
    if kind in ("list_type",):
        return f"expected a list, got {show(got)}", "start each item on its own line with '- '"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"expected a mapping of 'key: value' lines, got {show(got)}", \
            "see docs/record-format.md for the fields"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = next(iter(ctx.items()), ("", ""))
        words = {"ge": "at least", "le": "at most", "gt": "more than", "lt": "less than"}
        limit = f"{bound[1]:g}" if isinstance(bound[1], float) else str(bound[1])
        return f"must be {words.get(bound[0], bound[0])} {limit}, got {show(got)}", \
            "check the sign and the size of the number"
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing", "date_format",
                "date_value"):
        if kind == "date_value":
            return f"not a real date: {ctx.get('problem')}", "check the day and month"
        return f"expected a date YYYY-MM-DD, got {show(got)}", "for example 2019-12-23"
    if kind == "blank_text":
        return "expected text, found only spaces", \
            "write the text as printed, or remove the field if it is optional"
    if kind == "url_userinfo":
        return f"expected a link without a user name, got {show(got)}", \
            "whatever comes before '@' is not the site; the link goes to the host after it"
    if kind == "archive_path":
        return f"expected a path inside the source pack, got {show(got)}", \
            "write it relative to the pack, e.g. seeds/003_771a7e8552942085.txt, without '..'"
    if kind == "url_scheme":
        return f"expected an http:// or https:// link, got {show(got)}", \
            "links must be web addresses; leave the field out when there is none"
    return error["msg"][:1].lower() + error["msg"][1:], "see docs/record-format.md"


def _ascii_digits_hint(text: str) -> str:
    """``２０１９`` or ``٢٠١٩`` are digits to a person, text to goalpost: say so."""
    if not any(c.isdigit() and not c.isascii() for c in text):
        return ""
    plain = "".join(str(unicodedata.digit(c, "")) or c if c.isdigit() else c for c in text)
    return f"write the digits as ASCII 0-9, without quotes: {plain}"


def literal_options(annotation: object) -> list[str]:
    """The allowed values of a ``Literal`` annotation, for hints."""
    return [str(option) for option in get_args(annotation)]
