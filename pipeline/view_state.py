"""The dashboard's view state, read from and written to the URL query string.

A manager can send a link to exactly what they see. Anything in the URL that is not a
known value is ignored (never trusted, never echoed).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from urllib.parse import urlencode

from pipeline.models import Category, SourceKind
from pipeline.pydantic_errors import literal_options
from pipeline.scopes import SCOPES
from pipeline.verdicts import STATUSES

VIEWS = ("overview", "indicator_view", "scorecard", "ambition", "evidence")
CATEGORIES = tuple(literal_options(Category))
SOURCE_KINDS = tuple(literal_options(SourceKind))
MAX_SEARCH = 100


@dataclass(frozen=True)
class ViewState:
    """What the manager is looking at."""

    view: str = "overview"
    language: str = "en"
    scopes: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    years: tuple[int, int] | None = None
    query: str = ""
    indicator: str = ""
    year: int | None = None
    goal: str = ""


def _values(params: Mapping[str, str | Sequence[str]], key: str) -> list[str]:
    value = params.get(key)
    if value is None:
        return []
    items = [value] if isinstance(value, str) else list(value)
    return [part for item in items for part in str(item).split(",") if part]


def _pick(values: Iterable[str], allowed: Iterable[str]) -> tuple[str, ...]:
    allowed_set = set(allowed)
    return tuple(dict.fromkeys(v for v in values if v in allowed_set))


def _int(text: str) -> int | None:
    """A 4-digit year in ASCII digits (``²⁰¹⁹`` and ``٢٠١٩`` are not years here)."""
    return int(text) if len(text) == 4 and text.isascii() and text.isdigit() else None


def from_query(params: Mapping[str, str | Sequence[str]], *, indicators: Iterable[str] = (),
               years: Iterable[int] = (), goals: Iterable[str] = ()) -> ViewState:
    """Read a state from query parameters, keeping only known, well-formed values."""
    known_years = sorted(set(years))
    view = _pick(_values(params, "view"), VIEWS)
    language = _pick(_values(params, "lang"), ("en", "zh"))
    span = [y for y in (_int(v) for v in _values(params, "years")) if y is not None]
    year_range = None
    if len(span) == 2 and known_years:
        low, high = sorted(span)
        low, high = max(low, known_years[0]), min(high, known_years[-1])
        year_range = (low, high) if low <= high else None
    indicator = _pick(_values(params, "indicator"), indicators)
    year = _int((_values(params, "year") or [""])[0])
    return ViewState(
        view=view[0] if view else "overview",
        language=language[0] if language else "en",
        scopes=_pick(_values(params, "scope"), SCOPES),
        categories=_pick(_values(params, "cat"), CATEGORIES),
        kinds=_pick(_values(params, "kind"), SOURCE_KINDS),
        statuses=_pick(_values(params, "status"), STATUSES),
        years=year_range,
        query=" ".join((_values(params, "q") or [""])[0].split())[:MAX_SEARCH],
        indicator=indicator[0] if indicator else "",
        year=year if year in known_years else None,
        goal=next(iter(_pick(_values(params, "goal")[:1], goals)), ""),
    )


def to_query(state: ViewState) -> dict[str, str]:
    """Query parameters for ``state``; defaults are left out to keep links short."""
    params: dict[str, str] = {}
    if state.view != "overview":
        params["view"] = state.view
    if state.language != "en":
        params["lang"] = state.language
    for key, values in (("scope", state.scopes), ("cat", state.categories), ("kind", state.kinds),
                        ("status", state.statuses)):
        if values:
            params[key] = ",".join(values)
    if state.years:
        params["years"] = f"{state.years[0]},{state.years[1]}"
    if state.query:
        params["q"] = state.query
    if state.indicator:
        params["indicator"] = state.indicator
    if state.year is not None:
        params["year"] = str(state.year)
    if state.goal:
        params["goal"] = state.goal
    return params


def with_changes(state: ViewState, **changes: object) -> ViewState:
    return replace(state, **changes)  # type: ignore[arg-type]


def year_span(chosen: Sequence[int] | None, all_years: Sequence[int]) -> tuple[int, int] | None:
    """The slider's span, or ``None`` when it spans every year (no filter)."""
    if not chosen or tuple(chosen) == (all_years[0], all_years[-1]):
        return None
    return (int(chosen[0]), int(chosen[1]))


FILTER_LABELS = {"scope": "scope", "cat": "category", "kind": "source_kind", "status": "status"}


def filter_choices(url: ViewState, scopes: Iterable[str]) -> dict[str, tuple[list[str], list[str]]]:
    """Each sidebar filter, by its session key: its options (national first among the scopes
    present) and the URL's choice among them."""
    present = sorted(set(scopes), key=lambda scope: (scope != "national", scope))
    return {"scope": (present, [s for s in url.scopes if s in present]),
            "cat": (list(CATEGORIES), list(url.categories)),
            "kind": (list(SOURCE_KINDS), list(url.kinds)),
            "status": (list(STATUSES), list(url.statuses))}


def goal_address(state: ViewState, goal: str) -> str:
    """The link that opens ``goal`` with everything else in ``state`` kept: ``?goal=…``."""
    return "?" + urlencode(to_query(with_changes(state, goal=goal)))
