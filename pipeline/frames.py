"""Tables (pandas DataFrames) the dashboard shows, built from validated data."""

from __future__ import annotations

import pandas as pd

from pipeline.dataset import Dataset
from pipeline.report import SYMBOLS, describe
from pipeline.verdicts import STATUSES, rate_all

VERDICT_COLUMNS = ["year", "indicator", "指标", "target", "result", "gap", "status", "evidence"]


def verdict_frame(dataset: Dataset) -> pd.DataFrame:
    """One row per target: what was promised, what was reported, and the verdict."""
    rows = []
    for verdict in rate_all(dataset.records, dataset.indicators, dataset.sources):
        target = verdict.target.entry
        indicator = dataset.indicators[target.indicator]
        outcome = verdict.outcome.entry if verdict.outcome else None
        rows.append({
            "year": verdict.target.period.text,
            "indicator": indicator.en,
            "指标": indicator.zh,
            "target": describe(target),
            "result": describe(outcome) if outcome else "—",
            "gap": verdict.gap,
            "status": f"{SYMBOLS[verdict.status]} {verdict.status}",
            "evidence": f"{target.quote} — {dataset.sources[target.source].title}",
        })
    return pd.DataFrame(rows, columns=VERDICT_COLUMNS)


def status_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """Targets per year and verdict, with every verdict as a column (zeros included)."""
    if frame.empty:
        return pd.DataFrame(columns=["year", *STATUSES])
    words = frame["status"].str.split(" ", n=1).str[1]
    table = pd.crosstab(frame["year"], words).reindex(columns=list(STATUSES), fill_value=0)
    return table.reset_index().rename_axis(columns=None)


def problem_frame(dataset: Dataset) -> pd.DataFrame:
    """Every rejected line, as ``file:line`` and message, for the dashboard's problem panel."""
    return pd.DataFrame(
        [{"where": f"{p.file}:{p.line}", "field": p.field,
          "problem": p.message + (f" (hint: {p.hint})" if p.hint else "")}
         for p in dataset.problems],
        columns=["where", "field", "problem"])
