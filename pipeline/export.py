"""The export contract: ``records.csv`` and ``verdicts.csv``, UTF-8 with a header row.

Other tools read these files by column name; the names below are a promise.
"""

from __future__ import annotations

import csv
import errno
import io
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from pipeline.atomic import write_all
from pipeline.dataset import Dataset
from pipeline.models import Indicator, Source, origin
from pipeline.records import Record
from pipeline.verdicts import Verdict, rate_all

RECORD_COLUMNS = (
    "record_id", "stated_in", "scope", "source_id", "source_title", "source_published",
    "source_url", "source_kind", "source_event_kind", "source_reliability", "indicator_id",
    "indicator_en", "indicator_zh", "unit", "category", "role", "period", "value", "low", "high",
    "achieved", "qualifier", "estimate", "quote", "note", "file", "line", "set_aside",
    "short_of",
)
VERDICT_COLUMNS = (
    "goal_id", "statements", "statement_source_ids", "target_record_id", "scope", "indicator_id",
    "indicator_en", "indicator_zh", "unit", "period", "stated_in", "target_source_id",
    "target_value", "target_low", "target_high", "qualifier", "outcome_record_id", "outcome_value",
    "outcome_low", "outcome_high", "outcome_achieved", "outcome_qualifier", "outcome_estimate",
    "outcome_source_id", "status", "gap", "relative_gap", "disagreement", "revised",
    "outcomes_considered", "reason", "band", "early", "early_date", "derived", "derived_from",
    "progress", "progress_basis", "evidence", "weak_evidence", "claim_record_id",
    "official_judgement", "official_judgement_source_id", "judgement_differs", "search_note",
)


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _flag(value: bool | None) -> str:
    return "" if value is None else ("true" if value else "false")


def record_row(record: Record, indicators: Mapping[str, Indicator],
               sources: Mapping[str, Source]) -> dict[str, str]:
    e = record.entry
    indicator, source = indicators[e.indicator], sources[e.source]
    return {
        "record_id": record.record_id, "stated_in": str(record.stated_in),
        "scope": record.scope,
        "source_id": source.id, "source_title": source.title,
        "source_published": source.published.isoformat(), "source_url": source.url or "",
        "source_kind": source.kind, "source_event_kind": origin(source),
        "source_reliability": source.reliability,
        "indicator_id": indicator.id, "indicator_en": indicator.en, "indicator_zh": indicator.zh,
        "unit": indicator.unit, "category": indicator.category, "role": e.role,
        "period": record.period.text, "value": _number(e.value), "low": _number(e.low),
        "high": _number(e.high), "achieved": _flag(e.achieved), "qualifier": e.qualifier,
        "estimate": _flag(e.estimate), "quote": e.quote, "note": e.note, "file": record.file,
        "line": str(record.line), "set_aside": e.set_aside or "", "short_of": e.short_of or "",
    }


def _outcome_id(verdict: Verdict) -> str:
    """The deciding record; a derived result is named by the end figure it came from."""
    if verdict.derived_from:
        return verdict.derived_from[0].record_id
    return verdict.outcome.record_id if verdict.outcome else ""


def verdict_row(verdict: Verdict, indicators: Mapping[str, Indicator]) -> dict[str, str]:
    target, outcome = verdict.target.entry, verdict.outcome.entry if verdict.outcome else None
    indicator = indicators[target.indicator]
    judgement = verdict.judgement
    return {
        "goal_id": verdict.goal.id, "statements": str(len(verdict.goal.statements)),
        "statement_source_ids": " ".join(verdict.goal.source_ids),
        "target_record_id": verdict.target.record_id, "scope": verdict.target.scope,
        "indicator_id": indicator.id,
        "indicator_en": indicator.en, "indicator_zh": indicator.zh, "unit": indicator.unit,
        "period": verdict.target.period.text, "stated_in": str(verdict.target.stated_in),
        "target_source_id": target.source, "target_value": _number(target.value),
        "target_low": _number(target.low), "target_high": _number(target.high),
        "qualifier": target.qualifier,
        "outcome_record_id": _outcome_id(verdict),
        "outcome_value": _number(outcome.value) if outcome else "",
        "outcome_low": _number(outcome.low) if outcome else "",
        "outcome_high": _number(outcome.high) if outcome else "",
        "outcome_achieved": _flag(outcome.achieved) if outcome else "",
        "outcome_qualifier": outcome.qualifier if outcome else "",
        "outcome_estimate": _flag(outcome.estimate) if outcome else "",
        "outcome_source_id": outcome.source if outcome else "", "status": verdict.status,
        "gap": _number(verdict.gap), "relative_gap": _number(verdict.relative_gap),
        "disagreement": _flag(verdict.disagreement), "revised": _flag(verdict.revised),
        "outcomes_considered": str(len(verdict.outcomes)), "reason": verdict.reason,
        "band": verdict.band, "early": _flag(verdict.early is not None),
        "early_date": verdict.early.isoformat() if verdict.early else "",
        "derived": _flag(verdict.derived),
        "derived_from": " − ".join(r.record_id for r in verdict.derived_from or ()),
        "progress": verdict.progress, "progress_basis": verdict.progress_basis,
        "evidence": verdict.evidence, "weak_evidence": _flag(verdict.weak_evidence),
        "claim_record_id": verdict.claim.record_id if verdict.claim else "",
        "official_judgement": verdict.official_judgement,
        "official_judgement_source_id": judgement.entry.source if judgement else "",
        "judgement_differs": _flag(verdict.judgement_differs),
        "search_note": verdict.search_note,
    }


def to_csv(columns: Sequence[str], rows: Iterable[Mapping[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def export(dataset: Dataset, out: Path, *, replace: bool = False) -> list[Path]:
    """Write both CSV files into ``out``; refuse to overwrite unless ``replace``, and then
    keep the previous files as ``.bak`` copies. Raises ``OSError`` when ``out`` cannot be
    written (a file, read-only, full): then no file was changed."""
    files = {
        out / "records.csv": to_csv(RECORD_COLUMNS, (
            record_row(r, dataset.indicators, dataset.sources) for r in dataset.records)),
        out / "verdicts.csv": to_csv(VERDICT_COLUMNS, (
            verdict_row(v, dataset.indicators)
            for v in rate_all(dataset.records, dataset.indicators, dataset.sources))),
    }
    if out.exists() and not out.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(out))
    write_all(files, force=replace)  # both complete on disk before either is put in place
    return list(files)
