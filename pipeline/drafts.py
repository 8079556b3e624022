"""Write year files an analyst starts from: the empty template, and drafts from extract.

Text is written as YAML double-quoted strings (JSON escaping), so nothing in a report can
break the file's structure.
"""

from __future__ import annotations

import json

from pipeline.extract import Candidate
from pipeline.report import format_number

TEMPLATE = """\
# Statements made in {year}: targets, outcomes and commitments, each as one source printed it.
# Field by field: docs/record-format.md. Step by step: docs/adding-a-year.md.
# Check your work with:  goalpost validate targets/{year}.yaml
year: {year}
entries:
  # Copy an example below, remove the leading '# ', and fill it in.
  #
  # A goal ("力争…6%左右"):
  # - role: target                      # target | outcome | commitment
  #   indicator: industrial_va_growth   # an id from data/indicators.yaml
  #   period: {next_year}                      # YYYY, YYYY-MM, YYYY-Qn, YYYY-H1, YYYY-YYYY
  #   value: 6                          # base units: 12.6万 -> 126000
  #   qualifier: about                  # exact | about | at_least | at_most | range (low:, high:)
  #   unit: percent                     # the indicator's unit
  #   source: miit-conf-{year}-12          # an id from data/sources.yaml, published in {year}
  #   quote: 全国规模以上工业增加值增长6%左右    # the phrase as printed
  #   note: Expected {next_year} growth of industrial value added, about 6%.
  #
  # A reported result ("预计全年…5.6%左右"):
  # - role: outcome
  #   indicator: industrial_va_growth
  #   period: {year}
  #   value: 5.6
  #   qualifier: about
  #   unit: percent
  #   estimate: true                    # 预计: before the final statistics
  #   source: miit-conf-{year}-12
  #   quote: 全国规模以上工业增加值增长5.6%左右
  #   note: Estimated {year} growth of industrial value added, about 5.6%.
"""


def template(year: int) -> str:
    """A commented year file that validates as it is."""
    return TEMPLATE.format(year=year, next_year=year + 1)


def _text(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def comment_safe(text: str) -> str:
    """``text`` on one line, for a YAML comment: line breaks and other invisible characters
    are written as escapes (``\\n``), so a file name cannot start a line of YAML."""
    return "".join(c if c.isprintable() else json.dumps(c)[1:-1] if ord(c) < 0x10000
                   else f"\\U{ord(c):08x}" for c in text)


def _entry(candidate: Candidate, source: str, report: str) -> str:
    hint = f"  # {report} line {candidate.line}"
    if not candidate.indicator:
        reasons = [f" ({r})" for r in candidate.reasons] + [""] * len(candidate.suggestions)
        closest = ", ".join(i + r for i, r in zip(candidate.suggestions, reasons,
                                                  strict=False)) \
            or "none found: register it first"
        hint += f". Indicator not matched; closest: {closest}"
    lines = [hint, "  - draft: true", f"    role: {candidate.role}",
             f"    indicator: {_text(candidate.indicator or '?')}",
             f"    period: {_text(candidate.period)}"]
    if candidate.qualifier == "range":
        lines += [f"    low: {_number(candidate.low)}", f"    high: {_number(candidate.high)}"]
    else:
        lines.append(f"    value: {_number(candidate.value)}")
    lines += [f"    qualifier: {candidate.qualifier}", f"    unit: {candidate.unit}"]
    if candidate.estimate:
        lines.append("    estimate: true")
    lines += [f"    source: {_text(source)}", f"    quote: {_text(candidate.quote)}",
              f"    note: {_text('TODO: an English label for this figure')}"]
    return "\n".join(lines) + "\n"


def _number(value: float | None) -> str:
    if value is None:
        return "null"
    return format_number(value).replace(",", "")


def draft_file(candidates: list[Candidate], year: int, source: str, report: str) -> str:
    """A year file of draft entries: each needs confirming before it counts."""
    report = comment_safe(report)
    header = (f"# DRAFT year file written by 'goalpost extract' from {report}.\n"
              "# Every entry is a candidate: check it against the report, fix indicator, period,\n"
              "# qualifier and sign, write the English note, then delete its 'draft: true' line.\n"
              "# 'goalpost validate' lists the drafts that remain.\n"
              f"year: {year}\nentries:\n")
    return header + "\n".join(_entry(c, source, report) for c in candidates)
