"""Generate a national-plus-provincial corpus at tracker scale: 31 provinces × 30 years × 50
indicators ≈ 46,500 records, in goalpost's own file layout."""

from __future__ import annotations

import random
from pathlib import Path

from pipeline.scopes import PROVINCES


def _indicators(count: int) -> str:
    lines = ["indicators:"]
    for i in range(count):
        unit = "percent" if i % 2 else "count"
        lines += [f"  - id: ind_{i:03d}", f"    zh: 指标{i}", f"    en: Indicator {i}",
                  f"    unit: {unit}", "    category: industry",
                  f"    better: {'lower' if i % 7 == 0 else 'higher'}",
                  f"    measure: {'stock' if unit == 'count' else 'rate'}",
                  f"    aliases: [指标别名{i}]"]
    return "\n".join(lines) + "\n"


def _sources(scopes: list[str], years: range) -> str:
    lines = ["sources:"]
    for scope in scopes:
        for year in years:
            lines += [f"  - id: {scope}-{year}", f"    title: {scope} {year} 工作会议",
                      "    publisher: 工业和信息化主管部门", f'    published: "{year}-12-20"',
                      "    kind: work_conference", f"    url: https://example.org/{scope}/{year}"]
    return "\n".join(lines) + "\n"


def _entry(role: str, indicator: int, period: int, value: float, source: str,
           estimate: bool) -> str:
    unit = "percent" if indicator % 2 else "count"
    qualifier = ("about", "at_least", "exact")[indicator % 3] if role == "target" else "exact"
    if indicator % 7 == 0 and qualifier == "at_least":
        qualifier = "at_most"
    lines = [f"  - role: {role}", f"    indicator: ind_{indicator:03d}", f"    period: {period}",
             f"    value: {value:g}", f"    qualifier: {qualifier}", f"    unit: {unit}"]
    if estimate:
        lines.append("    estimate: true")
    lines += [f"    source: {source}", f"    quote: 指标{indicator}增长{value:g}",
              f"    note: Indicator {indicator}, {role} for {period}."]
    return "\n".join(lines) + "\n"


def write_corpus(root: Path, provinces: int = 31, years: int = 30, indicators: int = 50,
                 seed: int = 7) -> int:
    """Write the corpus under ``root``; return how many records it holds."""
    rng = random.Random(seed)
    scopes = list(PROVINCES)[:provinces]
    span = range(2026 - years + 1, 2027)
    (root / "data").mkdir(parents=True, exist_ok=True)
    (root / "data" / "indicators.yaml").write_text(_indicators(indicators), encoding="utf-8")
    (root / "data" / "sources.yaml").write_text(_sources(scopes, span), encoding="utf-8")
    count = 0
    for scope in scopes:
        folder = root / "targets" / scope
        folder.mkdir(parents=True, exist_ok=True)
        for year in span:
            entries = []
            for i in range(indicators):
                base = 1000 + i if i % 2 == 0 else 5.0
                if i % 2 == 0:  # half the indicators: a goal for next year
                    entries.append(_entry("target", i, year + 1, round(base * 1.05),
                                          f"{scope}-{year}", False))
                else:  # the other half: this year's (estimated) result
                    entries.append(_entry("outcome", i, year, round(base + rng.uniform(-1, 1), 1),
                                          f"{scope}-{year}", True))
                count += 1
            text = f"year: {year}\nscope: {scope}\nentries:\n" + "".join(entries)
            (folder / f"{year}.yaml").write_text(text, encoding="utf-8")
    (root / "targets" / "2026.yaml").write_text("year: 2026\nentries:\n", encoding="utf-8")
    return count
