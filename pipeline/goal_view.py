"""A goal in words for managers: the headline of a selection, one sentence per goal, and the
goal page (every statement, every result, the official judgement and how the verdict was
reached). Plain data for the dashboard; nothing here draws."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from pipeline.goals import TRUST
from pipeline.i18n import Language, t
from pipeline.people import readable
from pipeline.tables import Tables

_FLAG_WORDS = {"en": {"derived": " (derived)"}, "zh": {"derived": "(推算)"}}


def headline(verdicts: pd.DataFrame, language: Language) -> str:
    """"Of 132 goals due by the end of 2025: 98 met or beaten, 6 missed, …; 10 not yet due
    (7 on track)." — counted from the selection, in goals; met and missed always said, the
    other counts only when there are any."""
    if verdicts.empty:
        return ""
    status = verdicts["status"]
    due = verdicts[status != "not_due"]
    pending = verdicts[status == "not_due"]
    counts = status.value_counts()
    sizes = {"met": counts.get("met", 0) + counts.get("exceeded", 0),
             "missed": counts.get("missed", 0), "claimed": counts.get("claimed", 0),
             "none": counts.get("no_result", 0), "unsure": counts.get("unratable", 0)}
    parts = [t(f"headline_{part}", language, n=int(n)) for part, n in sizes.items()
             if n or part in ("met", "missed")]
    text = t("headline", language, due=len(due), parts=("," if language == "zh" else ", ")
             .join(parts), year=int(due["year"].max()) if len(due) else
             int(verdicts["year"].min()))
    if len(pending):
        text += t("headline_later", language, later=len(pending),
                  on_track=int((pending["progress"] == "on_track").sum()))
    return text + t("headline_end", language)


def _how_far(row: pd.Series, language: Language) -> str:
    """``beat it by 78%`` / ``missed it by 2.5 pp`` / ``met it``, or the status in words."""
    status = row["status"]
    if status not in ("exceeded", "missed") or pd.isna(row["margin"]):
        word = t(f"verdict_{status}", language)
        progress = row["progress"]
        return f"{word} ({t(progress, language)})" if progress else word
    if row["unit"] == "percent":
        size = f"{readable(abs(round(row['margin'], 6)), language)} pp"
    elif pd.notna(row["relative_margin"]):
        size = f"{abs(row['relative_margin']):.0%}"
    else:
        size = readable(abs(row["margin"]), language)
    return t(f"verdict_{status}_by", language, size=size)


def goal_sentence(row: pd.Series, language: Language) -> str:
    """"Goal: at least 600,000 · New 5G base stations · 2023 · result about 1.07 million
    (derived) · beat it by 78%"."""
    suffix = "_zh" if language == "zh" else ""
    name = row["indicator_zh"] if language == "zh" else row["indicator_en"]
    result = row[f"result_text{suffix}"]
    if result and row["derived"]:
        result += _FLAG_WORDS[language]["derived"]
    parts = [f"{t('goal_word', language)}{row[f'target_text{suffix}']}", str(name),
             str(row["period"])]
    if result:
        parts.append(f"{t('result_word', language)}{result}")
    return " · ".join([*parts, _how_far(row, language)])


@dataclass(frozen=True)
class GoalPage:
    """Everything the goal page shows for one goal."""

    verdict: pd.Series
    sentence: str
    statements: pd.DataFrame  # the target records, most reliable first
    results: pd.DataFrame  # the result records the verdict considered, deciding one first


def by_trust(records: pd.DataFrame) -> pd.DataFrame:
    """The deciding record first, then the most reliable copy, then the earliest."""
    return records.assign(trust=records["source_reliability"].map(TRUST)).sort_values(
        ["decides", "trust", "source_published"], ascending=[False, True, True])


def goal_page(tables: Tables, goal_id: str, language: Language) -> GoalPage | None:
    """The goal page, or ``None`` for an unknown goal."""
    rows = tables.verdicts[tables.verdicts["goal_id"] == goal_id]
    if rows.empty:
        return None
    row = rows.iloc[0]
    records = tables.records
    statements = by_trust(records[(records["goal_id"] == goal_id)
                                  & (records["role"] == "target")])
    results = records[records["record_id"].isin(str(row["result_ids"]).split())]
    if not row["derived"]:  # a year's figure may decide its own year's goal, not this one
        results = results.assign(decides=results["record_id"] == row["result_id"])
    results = by_trust(results)
    return GoalPage(row, goal_sentence(row, language), statements, results)


def indicator_history(tables: Tables, verdict: pd.Series) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The verdicts and records of a goal's indicator in its scope: its chart's data."""
    verdicts, records = tables.verdicts, tables.records
    return (verdicts[(verdicts["indicator_id"] == verdict["indicator_id"])
                     & (verdicts["scope"] == verdict["scope"])],
            records[(records["indicator_id"] == verdict["indicator_id"])
                    & (records["scope"] == verdict["scope"])])
