"""Language-neutral tables (pandas DataFrames) built once from a validated dataset.

The dashboard filters and reshapes these; it never touches records directly. Everything
here is plain data, so it can be cached and pickled.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pandas as pd

from pipeline.dataset import Dataset
from pipeline.models import Source, origin
from pipeline.records import Record
from pipeline.report import SYMBOLS, describe
from pipeline.verdicts import Verdict, acceptable_band, rate_all, reference_value

VERDICT_COLUMNS = [
    "goal_id", "statements", "statement_sources", "target_id", "scope", "year", "period",
    "indicator_id", "indicator_en", "indicator_zh", "category", "unit", "better", "status",
    "symbol", "qualifier", "target_value", "target_low", "target_high", "band_low", "band_high",
    "target_text", "target_text_zh", "result_text", "result_text_zh", "result_value", "gap",
    "relative_gap", "margin", "relative_margin", "target_quote", "target_note", "target_source_id",
    "target_source_title", "target_source_kind", "target_published", "target_url", "result_id",
    "result_quote", "result_note", "result_source_title", "result_published", "result_url",
    "result_estimate", "result_reliability", "disagreement", "revised", "basis", "reason",
    "results_considered", "band", "early", "derived", "progress", "progress_basis", "evidence",
    "weak_evidence", "official_judgement", "judgement_differs", "claim_quote", "search_note",
    "result_ids", "search_text",
]
RECORD_COLUMNS = [
    "record_id", "scope", "role", "year", "period", "period_end", "indicator_id", "value", "low",
    "high", "reference", "qualifier", "estimate", "achieved", "text", "text_zh", "quote", "note",
    "source_id", "source_title", "source_kind", "source_published", "source_url",
    "source_reliability", "source_publisher", "source_reliability_note", "status", "decides",
    "target_id", "goal_id", "set_aside",
]


@dataclass(frozen=True)
class Tables:
    """All tables the dashboard needs, built in one pass."""

    verdicts: pd.DataFrame
    records: pd.DataFrame
    indicators: pd.DataFrame


def _source_fields(prefix: str, source: Source | None) -> dict[str, object]:
    if source is None:
        return {f"{prefix}_source_title": "", f"{prefix}_published": "", f"{prefix}_url": ""}
    return {f"{prefix}_source_title": source.title,
            f"{prefix}_published": source.published.isoformat(),
            f"{prefix}_url": source.url or ""}


def _margin(verdict: Verdict, better: str) -> tuple[float | None, float | None]:
    """Gap turned so that positive always means "better than the goal"."""
    if verdict.gap is None:
        return None, None
    sign = 1.0 if better == "higher" else -1.0
    relative = verdict.relative_gap
    return sign * verdict.gap, (sign * relative if relative is not None else None)


def _verdict_row(verdict: Verdict, dataset: Dataset) -> dict[str, object]:
    target = verdict.target.entry
    indicator = dataset.indicators[target.indicator]
    source = dataset.sources[target.source]
    outcome = verdict.outcome.entry if verdict.outcome else None
    result_source = dataset.sources[outcome.source] if outcome else None
    margin, relative_margin = _margin(verdict, indicator.better)
    band = acceptable_band(target, indicator) or (None, None)
    searchable = " ".join((indicator.id, indicator.en, indicator.zh, *indicator.aliases,
                           target.quote, target.note, source.title,
                           outcome.quote if outcome else "", outcome.note if outcome else ""))
    return {
        "goal_id": verdict.goal.id, "statements": len(verdict.goal.statements),
        "statement_sources": " ".join(verdict.goal.source_ids),
        "target_id": verdict.target.record_id, "scope": verdict.target.scope,
        "year": verdict.target.period.end.year,
        "period": verdict.target.period.text, "indicator_id": indicator.id,
        "indicator_en": indicator.en, "indicator_zh": indicator.zh,
        "category": indicator.category, "unit": indicator.unit, "better": indicator.better,
        "status": verdict.status, "symbol": SYMBOLS[verdict.status],
        "qualifier": target.qualifier, "target_value": target.value,
        "target_low": target.low, "target_high": target.high, "band_low": band[0],
        "band_high": band[1], "target_text": describe(target, for_people=True),
        "target_text_zh": describe(target, "zh", for_people=True),
        "result_text": describe(outcome, for_people=True) if outcome else "",
        "result_text_zh": describe(outcome, "zh", for_people=True) if outcome else "",
        "result_value": reference_value(outcome) if outcome else None,
        "gap": verdict.gap, "relative_gap": verdict.relative_gap, "margin": margin,
        "relative_margin": relative_margin, "target_quote": target.quote,
        "target_note": target.note, "target_source_id": source.id,
        **_source_fields("target", source), "target_source_kind": origin(source),
        "result_id": verdict.outcome.record_id if verdict.outcome else "",
        "result_quote": outcome.quote if outcome else "",
        "result_note": outcome.note if outcome else "",
        **_source_fields("result", result_source),
        "result_estimate": bool(outcome.estimate) if outcome else False,
        "result_reliability": result_source.reliability if result_source else "",
        "disagreement": verdict.disagreement, "revised": verdict.revised,
        "basis": verdict.basis, "reason": verdict.reason,
        "results_considered": len(verdict.outcomes), "band": verdict.band,
        "early": verdict.early.isoformat()[:7] if verdict.early else "",
        "derived": verdict.derived, "progress": verdict.progress,
        "progress_basis": verdict.progress_basis, "evidence": verdict.evidence,
        "weak_evidence": verdict.weak_evidence, "official_judgement": verdict.official_judgement,
        "judgement_differs": verdict.judgement_differs,
        "claim_quote": verdict.claim.entry.quote if verdict.claim else "",
        "search_note": verdict.search_note,
        "result_ids": " ".join(r.record_id for r in verdict.records),
        "search_text": searchable.lower(),
    }


def _record_row(record: Record, dataset: Dataset, status: str, decides: bool,
                target_id: str, goal: str) -> dict[str, object]:
    e = record.entry
    source = dataset.sources[e.source]
    return {
        "record_id": record.record_id, "scope": record.scope, "role": e.role,
        "year": record.period.end.year,
        "period": record.period.text, "period_end": record.period.end.isoformat(),
        "indicator_id": e.indicator, "value": e.value, "low": e.low, "high": e.high,
        "reference": reference_value(e), "qualifier": e.qualifier, "estimate": e.estimate,
        "achieved": e.achieved, "text": describe(e, for_people=True),
        "text_zh": describe(e, "zh", for_people=True),
        "quote": e.quote, "note": e.note,
        "source_id": source.id, "source_title": source.title, "source_kind": origin(source),
        "source_published": source.published.isoformat(), "source_url": source.url or "",
        "source_reliability": source.reliability, "source_publisher": source.publisher,
        "source_reliability_note": source.reliability_note or "", "status": status,
        "decides": decides,
        "target_id": target_id, "goal_id": goal, "set_aside": e.set_aside or "",
    }


def build_tables(dataset: Dataset) -> Tables:
    """Verdicts, records (with each outcome linked to the target it answers) and indicators."""
    verdicts = rate_all(dataset.records, dataset.indicators, dataset.sources)
    verdict_rows = [_verdict_row(v, dataset) for v in verdicts]
    status_of = {s.record_id: v for v in verdicts for s in v.goal.statements}
    answers: dict[str, tuple[Verdict, bool]] = {}
    for verdict in verdicts:
        deciding = {id(r) for r in (*(verdict.derived_from or ()), verdict.outcome)}
        for outcome in verdict.records:
            if outcome.record_id not in answers or id(outcome) in deciding:
                answers[outcome.record_id] = (verdict, id(outcome) in deciding)
    record_rows = []
    for record in dataset.records:
        answered, decides = answers.get(record.record_id, (None, False))
        own = status_of.get(record.record_id)
        linked = own or answered
        record_rows.append(_record_row(
            record, dataset, own.status if own else "", decides,
            answered.target.record_id if answered else "", linked.goal.id if linked else ""))
    indicator_rows = [{"indicator_id": i.id, "en": i.en, "zh": i.zh, "unit": i.unit,
                       "category": i.category, "better": i.better, "measure": i.measure}
                      for i in dataset.indicators.values()]
    return Tables(
        verdicts=pd.DataFrame(verdict_rows, columns=VERDICT_COLUMNS),
        records=pd.DataFrame(record_rows, columns=RECORD_COLUMNS),
        indicators=pd.DataFrame(indicator_rows,
                                columns=["indicator_id", "en", "zh", "unit", "category",
                                         "better", "measure"]),
    )


def problem_table(dataset: Dataset) -> pd.DataFrame:
    """Every rejected line: ``file:line``, field and message with its hint; and, for the
    banner, the file and how many of its records were still kept."""
    kept = Counter(r.file for r in dataset.records)
    return pd.DataFrame(
        [{"where": f"{p.file}:{p.line}", "field": p.field,
          "problem": p.message + (f" (hint: {p.hint})" if p.hint else ""), "file": p.file,
          "kept": kept.get(p.file, 0)}
         for p in dataset.problems],
        columns=["where", "field", "problem", "file", "kept"])
