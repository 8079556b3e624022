"""Units an indicator can be measured in. Values are always stored in the base unit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

UnitName = Literal[
    "percent", "count", "people", "users", "households", "connections", "yuan", "usd", "tonnes",
    "racks", "vehicles", "per_10k_people", "per_100_people", "gb_per_user_month", "milestone",
]


@dataclass(frozen=True, slots=True)
class Unit:
    """How a unit is shown, and whether a value in it can be negative."""

    name: str
    en: str
    zh: str
    signed: bool = False


UNITS: dict[str, Unit] = {
    unit.name: unit
    for unit in (
        Unit("percent", "%", "%", signed=True),
        Unit("count", "count", "个"),
        Unit("people", "people", "人"),
        Unit("users", "users", "户"),
        Unit("households", "households", "户"),
        Unit("connections", "connections", "个连接"),
        Unit("yuan", "yuan", "元"),
        Unit("usd", "US dollars", "美元"),
        Unit("tonnes", "tonnes", "吨"),
        Unit("racks", "standard racks", "标准机架"),
        Unit("vehicles", "vehicles", "辆"),
        Unit("per_10k_people", "per 10,000 people", "每万人"),
        Unit("per_100_people", "per 100 people", "每百人"),
        Unit("gb_per_user_month", "GB per user per month", "GB/户·月"),
        Unit("milestone", "milestone", "里程碑"),
    )
}

_MULTIPLIERS = {"万亿": 10**12, "亿": 10**8, "万": 10**4, "千": 10**3, "百": 10**2}


def base_units_hint(text: str) -> str:
    """Suggest the base-unit number for text like ``12.6万`` (``126000``), or ``''``."""
    cleaned = text.strip().rstrip("个户元人家吨辆%").replace(",", "").replace("，", "")
    for suffix, factor in _MULTIPLIERS.items():
        if cleaned.endswith(suffix):
            try:
                number = float(cleaned[: -len(suffix)]) * factor
            except ValueError:
                return ""
            return f"write it in base units: {number:.0f}" if number == int(number) \
                else f"write it in base units: {number}"
    try:
        number = float(cleaned)
    except ValueError:
        return ""
    return f"write the number without quotes or units: {cleaned}" if number == number else ""
