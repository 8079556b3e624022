"""The record model: indicator and source registries, and the entries of a year file.

Every model forbids unknown keys and is strict: a quoted ``'6'`` is text, not a number,
and ``yes`` is not ``true``. Checks that need more than one field or another file
(qualifier vs value, references, periods) live in :mod:`pipeline.checks`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
)
from pydantic_core import PydanticCustomError

from pipeline.units import UnitName

ID_PATTERN = r"^[a-z0-9][a-z0-9_.-]*$"

Role = Literal["target", "outcome", "commitment"]
Qualifier = Literal["exact", "about", "at_least", "at_most", "range"]
Direction = Literal["higher", "lower"]
Measure = Literal["flow", "stock", "rate"]
Category = Literal[
    "macro", "industry", "telecom", "digital_economy", "innovation", "environment", "enterprise",
]
SourceKind = Literal[
    "work_conference", "government_work_report", "press_conference", "statistical_communique",
    "news_report", "plan",
]
Reliability = Literal["primary", "reprint", "mirror", "unreliable"]
GOAL_ID_PATTERN = r"^[a-z0-9][a-z0-9_.:~-]*$"


def _year_as_text(value: object) -> object:
    """``period: 2020`` is written as a number in YAML; the period is text either way."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _none_as_empty(value: object) -> object:
    """A fresh year file with ``entries:`` and nothing under it is an empty list."""
    return [] if value is None else value


def _date_from_text(value: object) -> object:
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError as error:
            raise PydanticCustomError("date_value", "{problem}", {"problem": str(error)}) from None
    if isinstance(value, str):
        raise PydanticCustomError("date_format", "expected a date YYYY-MM-DD, got {got}",
                                  {"got": repr(value)})
    return value


def _not_blank(value: str) -> str:
    """Text made only of spaces says nothing: a blank quote would "match" any source."""
    if not value.strip():
        raise PydanticCustomError("blank_text", "expected text, found only spaces")
    return value


def _archive_path(value: str | None) -> str | None:
    """A path inside the source pack: relative, with no ``..`` step out of it."""
    if value is None:
        return value
    parts = value.replace("\\", "/").split("/")
    if value.startswith(("/", "\\", "~")) or re.match(r"[A-Za-z]:", value) or ".." in parts:
        raise PydanticCustomError("archive_path", "expected a path inside the source pack, got "
                                  "{got}", {"got": value})
    return value


def _web_link(value: str | None) -> str | None:
    """http(s) links to a named host, with no user name before '@' (``http://gov.cn@evil.example/``
    goes to evil.example)."""
    if value is None:
        return value
    try:
        parts = urlsplit(value)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a malformed port
    except ValueError:
        host = None
    plain = value.isprintable() and not any(c.isspace() for c in value)
    if parts.scheme not in ("http", "https") or not host or not plain:
        raise PydanticCustomError(
            "url_scheme", "expected an http:// or https:// link, got {got}", {"got": value})
    if "@" in parts.netloc:
        raise PydanticCustomError("url_userinfo", "expected a link without a user name, got "
                                  "{got}", {"got": value})
    return value


MAX_TEXT = 2000  # characters: a quote is a phrase, a note a sentence or two
MAX_TOLERANCE = 1e13
Text = Annotated[str, Field(min_length=1, max_length=MAX_TEXT), AfterValidator(_not_blank)]
Identifier = Annotated[str, Field(pattern=ID_PATTERN, max_length=80)]
GoalId = Annotated[str, Field(pattern=GOAL_ID_PATTERN, max_length=120)]
Number = float  # strict mode: accepts int and float, rejects text and booleans
PeriodText = Annotated[str, BeforeValidator(_year_as_text), Field(min_length=4, max_length=20)]
Day = Annotated[date, BeforeValidator(_date_from_text)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, allow_inf_nan=False)


class Tolerance(Strict):
    """How far an "about" (左右) target may be missed either way and still count as met."""

    abs: Annotated[float, Field(ge=0, le=MAX_TOLERANCE)] | None = None
    rel: Annotated[float, Field(ge=0, le=1)] | None = None


class Indicator(Strict):
    """One measured quantity. New and cumulative counts are different indicators.

    ``limit`` is the official wording that frames this indicator's targets as limits
    (控制在3%左右); ``grows_only`` marks a level that never falls (a cumulative count, a
    coverage share), so an interim figure can settle a floor early; ``each_year`` marks a
    rate whose limit over a span of years (控制在5.5%以内 for 2021-2025) holds in every year of
    it, not on their average; ``flow_of`` names the stock whose year-end difference this flow
    is; ``result_lag_months`` is how long after a period ends its result is due.
    """

    id: Identifier
    zh: Text
    en: Text
    unit: UnitName
    category: Category
    better: Direction
    measure: Measure
    binding: Literal["binding", "expected"] | None = None
    tolerance: Tolerance | None = None
    aliases: list[Text] = Field(default_factory=list)
    note: Text | None = None
    limit: Text | None = None
    grows_only: bool = False
    each_year: bool = False
    flow_of: Identifier | None = None
    result_lag_months: Annotated[int, Field(ge=0, le=36)] = 3


class Source(Strict):
    """A document that states targets or reports outcomes.

    ``kind`` is what the page is (often a news report); ``event_kind`` what it reports on
    (a Government Work Report, a work conference…), when that differs.
    """

    id: Identifier
    title: Text
    publisher: Text
    published: Day
    kind: SourceKind
    url: Text | None = None
    event: Text | None = None
    event_kind: SourceKind | None = None
    reliability: Reliability = "primary"
    reliability_note: Text | None = None
    archive: Text | None = None

    @field_validator("url")
    @classmethod
    def _http_only(cls, value: str | None) -> str | None:
        return _web_link(value)

    @field_validator("archive")
    @classmethod
    def _in_the_pack(cls, value: str | None) -> str | None:
        return _archive_path(value)


class Entry(Strict):
    """One target, outcome or qualitative commitment as stated by one source.

    A ``commitment`` is a concrete deliverable without a figure (5G-A deployment); it is
    kept as evidence but gets no verdict. ``goal`` names the goal a target states (to join
    a differently worded restatement, or keep two apart); ``limit`` the wording that frames
    a target as a limit; ``covers`` the indicators whose goals an official completion
    statement covers; ``judgement`` an official review's rating as printed; ``searched`` a
    dated note of the search for a result that found none; ``restatement`` a goal quoted by
    a page published after its period (a review restating what was promised); ``two_sided``
    the wording that makes a target a level to hit, missed on either side of its band;
    ``set_aside`` why an outcome, kept and shown, never decides while another figure exists
    (a copy that repeats another year's figure); ``short_of`` the wording that keeps an
    ``at_most`` outcome below its figure (接近50%: close to, so under, 50%).
    """

    role: Role
    indicator: Text
    period: PeriodText
    value: Number | None = None
    low: Number | None = None
    high: Number | None = None
    achieved: bool | None = None
    qualifier: Qualifier = "exact"
    unit: UnitName
    estimate: bool = False
    source: Text
    quote: Text
    note: Text
    draft: bool = False
    goal: GoalId | None = None
    limit: Text | None = None
    covers: list[Identifier] | None = None
    judgement: Text | None = None
    searched: Text | None = None
    restatement: bool = False
    two_sided: Text | None = None
    set_aside: Text | None = None
    short_of: Text | None = None


class IndicatorRegistry(Strict):
    indicators: list[dict[str, object]]


class SourceRegistry(Strict):
    sources: list[dict[str, object]]


class YearFile(Strict):
    """The shape of ``targets/<year>.yaml`` (or ``targets/<province>/<year>.yaml``);
    entries are validated one by one."""

    year: int
    scope: Identifier = "national"
    entries: Annotated[list[dict[str, object]], BeforeValidator(_none_as_empty)]


def origin(source: Source) -> str:
    """The kind of official statement a source carries: its event's kind, else its own."""
    return source.event_kind or source.kind
