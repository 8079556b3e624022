"""Read the figures printed in Chinese text, in base units (12.6万 → 126000, 三千 → 3000)."""

from __future__ import annotations

import re
from dataclasses import dataclass

MULTIPLIERS = {"万亿": 10**12, "亿": 10**8, "万": 10**4, "千": 10**3}
_NUMBER = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)\s*[多余]?\s*(万亿|亿|万|千(?![米克瓦兆]))?")

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
           "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10**4, "亿": 10**8}
CHINESE_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+")

# What may follow a figure, and what it says about the unit.
COUNTERS = "个家户项座台辆人名所条部件款批类次例亿元"
_FIGURE = re.compile(
    r"(?P<number>\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+[万亿]?[零〇一二两三四五六七八九十百千]*)"
    r"\s*(?P<more>[多余])?\s*(?P<mult>万亿|亿|万|千(?![米克瓦兆]))?\s*(?P<more2>[多余])?"
    r"\s*(?P<unit>个百分点|百分点|%|％|[个家户项座台辆人名所条部件款批类次例]|元|美元|吨|GB)?")


def figures(text: str) -> list[float]:
    """Every Arabic number in ``text``, multiplied out: ``新建5G基站超60万个`` → ``[5, 600000]``."""
    found = []
    for match in _NUMBER.finditer(text):
        number = float(match[1].replace(",", ""))
        if match[2]:
            number = round(number * MULTIPLIERS[match[2]], 6)
        found.append(number)
    return found


def chinese_numeral(text: str) -> int | None:
    """``十三`` → 13, ``三千`` → 3000, ``两千五百`` → 2500, ``十三万`` → 130000; else ``None``."""
    if not text or not CHINESE_NUMERAL.fullmatch(text):
        return None
    total = wan = section = digit = 0
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS[char]
        elif char in _SMALL_UNITS:
            section += (digit or 1) * _SMALL_UNITS[char]
            digit = 0
        elif char == "万":
            wan, section, digit = (section + digit or 1) * 10**4, 0, 0
        else:  # 亿
            total, wan, section, digit = (total + wan + section + digit or 1) * 10**8, 0, 0, 0
    return total + wan + section + digit


@dataclass(frozen=True, slots=True)
class Figure:
    """A number found in text, in base units, with where it was and what followed it."""

    value: float
    unit: str  # "percent", "count", "yuan", "usd", "tonnes", "gb", or "" when bare
    start: int
    end: int
    text: str


# A bound on a bare magnitude (超过万亿元, 突破亿户), and a run of years (连续14年).
_BARE_MAGNITUDE = re.compile(r"(?:(?<=超过)|(?<=突破)|(?<=[超逾近]))(?P<mult>万亿|亿)"
                             r"(?P<unit>元|户|人|个)?")
_YEARS_RUNNING = re.compile(r"(?<=连续)(?P<number>\d+|[一二两三四五六七八九十]+)(?=年)")
# 翻番 / 翻一番: doubled, a rise of 100%; 翻两番: quadrupled, 300%.
_DOUBLINGS = re.compile(r"翻(?P<times>[一两二三])?番")


def find_figures(text: str) -> list[Figure]:
    """Figures worth a record: skips years (2020年), dates (25日), technology names (5G,
    50M, 4K), and bare single Chinese digits (四个意识); reads 超过万亿元 (1e12),
    连续14年 (14, a count of years) and 翻番 (a rise of 100%)."""
    found = _digit_figures(text) + _bare_figures(text)
    return sorted(found, key=lambda f: f.start)


def _bare_figures(text: str) -> list[Figure]:
    found = []
    for match in _BARE_MAGNITUDE.finditer(text):
        unit = "yuan" if match["unit"] == "元" else "count"
        found.append(Figure(float(MULTIPLIERS[match["mult"]]), unit, match.start(),
                            match.end(), match.group(0)))
    for match in _YEARS_RUNNING.finditer(text):
        number = match["number"]
        value = int(number) if number.isdigit() else chinese_numeral(number)
        if value:
            found.append(Figure(float(value), "count", match.start(), match.end() + 1,
                                match.group(0) + "年"))
    for match in _DOUBLINGS.finditer(text):
        times = {"三": 3, "两": 2, "二": 2}.get(match["times"] or "", 1)
        found.append(Figure(float(2**times - 1) * 100, "percent", match.start(), match.end(),
                            match.group(0)))
    return found


def _digit_figures(text: str) -> list[Figure]:
    found = []
    for match in _FIGURE.finditer(text):
        number_text, multiplier, unit = match["number"], match["mult"], match["unit"] or ""
        after = text[match.end(): match.end() + 2]
        if _is_name_or_date(text, match, after):
            continue
        if number_text[0].isdigit():
            value = float(number_text.replace(",", ""))
        else:
            parsed = chinese_numeral(number_text)
            magnitude = set(number_text) & set("十百千万亿") or multiplier
            if parsed is None or not magnitude or not (unit or multiplier):
                continue  # 四个, 十九大, 十三五: words, not figures
            value = float(parsed)
        if multiplier:
            value = round(value * MULTIPLIERS[multiplier], 6)
        found.append(Figure(value, _unit_of(unit, multiplier, after), match.start(), match.end(),
                            match.group(0)))
    return found


def _is_name_or_date(text: str, match: re.Match[str], after: str) -> bool:
    number = match["number"]
    if not number[0].isdigit():
        return False
    before = text[max(0, match.start() - 1): match.start()]
    if after[:1] in ("年", "月", "日", "号", "时") and not match["mult"] and not match["unit"]:
        return True
    if after[:1] in ("G", "M", "K", "k", "T", "/", "+") and not match["unit"]:
        return True  # 5G, 50M, 4K, 4K/8K, 5G+
    if before in ("“", '"', "《", "「") or after[:1] in ("”", '"', "》", "」"):
        return True  # “323”行动, a title
    if re.match(r"\s*(工程|行动|计划|专项|战略)", after + text[match.end() + 2: match.end() + 4]):
        return not match["unit"] and not match["mult"]
    if before.isascii() and before.isalpha():
        return True  # IPv6, TD-LTE4, H1
    plain_year = len(number) == 4 and number.isdigit() and 1900 <= int(number) <= 2100
    return plain_year and not match["mult"] and not match["unit"]


def _unit_of(unit: str, multiplier: str | None, after: str) -> str:
    if unit in ("%", "％", "百分点", "个百分点"):
        return "percent"
    if unit == "美元":
        return "usd"
    if unit in ("元",) or (multiplier and after.startswith("元")):
        return "yuan"
    if unit == "吨":
        return "tonnes"
    if unit == "GB" and after[:2] in ("/户", "/人"):
        return "gb_per_user_month"  # 2.69GB/户/月: mobile data per user
    if unit or multiplier in ("万", "亿"):
        return "count"  # 网民规模达10.67亿: a count of what the sentence names
    return ""
