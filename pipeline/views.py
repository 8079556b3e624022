"""Shape the language-neutral tables into what each dashboard view shows."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from pipeline.goal_view import goal_sentence
from pipeline.i18n import Language, t
from pipeline.people import readable
from pipeline.report import SYMBOLS, signed
from pipeline.scopes import scope_name
from pipeline.tables import Tables
from pipeline.units import UNITS
from pipeline.verdicts import RATED, STATUSES
from pipeline.view_state import ViewState

STATUS_COLOURS = {  # Okabe–Ito palette: distinguishable with colour-blindness, and each
    "exceeded": "#0072B2",  # status also carries a symbol and a word for greyscale.
    "met": "#56B4E9",
    "missed": "#D55E00",
    "claimed": "#009E73",
    "unratable": "#E6E6E6",
    "no_result": "#F0E442",
    "not_due": "#BBBBBB",
}
STATUS_TEXT_COLOURS = {"exceeded": "#FFFFFF", "met": "#000000", "missed": "#FFFFFF",
                       "claimed": "#FFFFFF", "unratable": "#000000", "no_result": "#000000",
                       "not_due": "#000000"}


def status_label(status: str, language: Language) -> str:
    """``✓ met`` / ``✓ 达成``: symbol and word, never colour alone."""
    return f"{SYMBOLS[status]} {t(status, language)}"


def indicator_name(row: pd.Series, language: Language) -> str:
    return str(row["indicator_zh"] if language == "zh" else row["indicator_en"])


def indicator_names(verdicts: pd.DataFrame, language: Language) -> pd.Series:
    """The indicator column in the reader's language."""
    return verdicts["indicator_zh" if language == "zh" else "indicator_en"]


def localised(column: str, language: Language) -> str:
    """``target_text`` or its Chinese twin ``target_text_zh``."""
    return f"{column}_zh" if language == "zh" else column


def filter_verdicts(verdicts: pd.DataFrame, state: ViewState) -> pd.DataFrame:
    """Rows matching the state's categories, source kinds, statuses, years and search text."""
    mask = pd.Series(True, index=verdicts.index)
    if state.scopes:
        mask &= verdicts["scope"].isin(state.scopes)
    if state.categories:
        mask &= verdicts["category"].isin(state.categories)
    if state.kinds:
        mask &= verdicts["target_source_kind"].isin(state.kinds)
    if state.statuses:
        mask &= verdicts["status"].isin(state.statuses)
    if state.years:
        mask &= verdicts["year"].between(*state.years)
    for word in state.query.lower().split():
        mask &= verdicts["search_text"].str.contains(word, regex=False)
    return verdicts[mask]


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def escape_markdown(text: str) -> str:
    """Text shown through a Markdown element (a banner) stays text: no links, no images."""
    return _MARKDOWN.sub(r"\\\1", text)


def problem_banner(problems: pd.DataFrame, language: Language) -> str:
    """One line that says what broke and what it costs: per file, how many problems, where
    the first one is, and whether the whole file (and which years' verdicts) was left out."""
    parts = []
    for file, group in problems.groupby("file", sort=False):
        first = group.iloc[0]
        year = re.search(r"(\d{4})\.ya?ml$", str(file))
        if file.startswith("data/"):
            cost = t("banner_registry", language)
        elif group["kept"].iloc[0] == 0 and year:
            cost = t("banner_file_out", language, low=int(year[1]) - 1, high=int(year[1]) + 1)
        else:
            cost = t("banner_entries_out", language)
        parts.append(t("banner", language, file=file, n=len(group), where=first["where"],
                       problem=first["problem"], cost=cost))
    return "; ".join(parts)


AFFECTED = " ⚠"  # marks a year whose verdicts a broken file may have left incomplete


def affected_years(problems: pd.DataFrame) -> set[int]:
    """Years whose verdicts a problem in a year file may have changed: the file's year,
    whose statements set its goals, and the years either side (last year's results, plan
    goals due next year) — the years the banner names."""
    years: set[int] = set()
    for file in problems["file"].unique() if not problems.empty else []:
        if match := re.fullmatch(r"targets/.*?(\d{4})\.ya?ml", str(file)):
            years.update(range(int(match[1]) - 1, int(match[1]) + 2))
    return years


def mark_years(labels: list[str], years: set[int]) -> list[str]:
    """``["2017", "2018"]`` → ``["2017 ⚠", "2018"]`` for the affected ``years``."""
    return [f"{label}{AFFECTED}" if label.isdigit() and int(label) in years else label
            for label in labels]


def rules_text(root: Path) -> str:
    """The status rules (docs/status-rules.md), for the dashboard's methodology panel."""
    try:
        return (root / "docs" / "status-rules.md").read_text(encoding="utf-8")
    except OSError:
        return "docs/status-rules.md"


def data_as_of(tables: Tables) -> str:
    """The latest source date in the records: how current the verdicts are."""
    dates = tables.records["source_published"]
    return str(dates.max()) if len(dates) else ""


def indicator_options(verdicts: pd.DataFrame, names: dict[str, tuple[str, str]],
                      language: Language) -> list[str]:
    """The indicators of the selection, in alphabetical order of their names as shown."""
    return sorted(verdicts["indicator_id"].unique(), key=lambda i: names[i][language == "zh"])


def indicator_caption(meta: pd.Series, names: tuple[str, str], language: Language) -> str:
    """``规模以上工业增加值增长 · Industrial value added … · unit: % · higher is better``."""
    unit = UNITS[meta["unit"]].zh if language == "zh" else UNITS[meta["unit"]].en
    return (f"{names[1]} · {names[0]} · {t('unit', language)}: {unit}"
            f" · {t('better_' + meta['better'], language)}")


def busiest_indicator(verdicts: pd.DataFrame) -> str:
    """The numeric indicator with the most rated goals (ties: most goals, then id)."""
    numeric = verdicts[verdicts["unit"] != "milestone"]
    pool = numeric if not numeric.empty else verdicts
    scores = pool.assign(rated=pool["status"].isin(RATED)).groupby("indicator_id").agg(
        rated=("rated", "sum"), goals=("status", "size"))
    return str(scores.sort_values(["rated", "goals"], ascending=False).index[0])


def scope_options(verdicts: pd.DataFrame) -> list[str]:
    """The scopes of a selection, national first, then those with the most goals."""
    counts = verdicts["scope"].value_counts()
    return sorted(counts.index, key=lambda s: (s != "national", -counts[s], s))


def latest_rated_year(verdicts: pd.DataFrame) -> int:
    """The latest year with a rated goal, or the latest year at all."""
    rated = verdicts[verdicts["status"].isin(RATED)]
    return int((rated if not rated.empty else verdicts)["year"].max())


def year_counts(verdicts: pd.DataFrame) -> pd.DataFrame:
    """Goals per year with a column per verdict (zeros kept), plus the total."""
    table = pd.crosstab(verdicts["year"], verdicts["status"]).reindex(
        columns=list(STATUSES), fill_value=0)
    table.insert(0, "goals", table.sum(axis=1))
    return table.reset_index().rename_axis(columns=None)


def status_grid(verdicts: pd.DataFrame, language: Language) -> pd.DataFrame:
    """Indicator × year, each cell the verdict(s) as symbol and word; several goals for the
    same indicator and year show each distinct verdict. Rows with the most years first."""
    if verdicts.empty:
        return pd.DataFrame()
    if verdicts["scope"].nunique() > 1:
        return scope_grid(verdicts, language)
    name = "indicator_zh" if language == "zh" else "indicator_en"
    labels = SYMBOLS  # a symbol per cell, so every year fits; the legend gives the words
    pairs = verdicts[[name, "year", "status"]].drop_duplicates()
    pairs = pairs.assign(order=pairs["status"].map(STATUSES.index),
                         label=pairs["status"].map(labels)).sort_values("order", kind="stable")
    cells = pairs.groupby([name, "year"], sort=False)["label"].agg(" ".join)
    grid = cells.unstack("year").fillna("")
    grid = grid[sorted(grid.columns)]
    grid.columns = [str(c) for c in grid.columns]
    filled = (grid != "").sum(axis=1)
    grid = grid.loc[filled.sort_values(ascending=False, kind="stable").index]
    grid.index.name = t("indicator", language)
    return grid


def scope_grid(verdicts: pd.DataFrame, language: Language) -> pd.DataFrame:
    """Scope × year when several scopes are selected: how many goals got each verdict, the
    most frequent first (it sets the cell's colour). Pick one scope to see its indicators."""
    counts = verdicts.groupby(["scope", "year", "status"]).size()
    cells: dict[tuple[str, int], str] = {}
    for (scope, year), group in counts.groupby(level=["scope", "year"]):
        ranked = sorted(group.items(), key=lambda item: (-item[1], STATUSES.index(item[0][2])))
        cells[(scope, year)] = " ".join(f"{SYMBOLS[status]}{n}" for (_, _, status), n in ranked)
    grid = pd.Series(cells).unstack().fillna("")
    grid = grid[sorted(grid.columns)]
    grid.columns = [str(c) for c in grid.columns]
    order = sorted(grid.index, key=lambda s: (s != "national", scope_name(s, language)))
    grid = grid.loc[order]
    grid.index = [scope_name(s, language) for s in grid.index]
    grid.index.name = t("scope", language)
    return grid


def legend(language: Language) -> str:
    """What each symbol means: ``✓ met · ★ beat the goal · ✗ missed · …``."""
    return " · ".join(status_label(status, language) for status in STATUSES)


def scorecard(verdicts: pd.DataFrame, language: Language) -> pd.DataFrame:
    """The goals of the filtered selection with both sides' evidence, labelled."""
    flags = verdicts.apply(_flags, axis=1, language=language) if len(verdicts) else \
        pd.Series(dtype=str)
    frame = pd.DataFrame({
        t("in_words", language): [goal_sentence(row, language) for _, row in verdicts.iterrows()],
        t("open_goal", language): "?goal=" + verdicts["goal_id"],
        t("scope", language): verdicts["scope"].map(lambda s: scope_name(s, language)),
        t("year", language): verdicts["year"],
        t("period", language): verdicts["period"],
        t("indicator", language): indicator_names(verdicts, language),
        t("target", language): verdicts[localised("target_text", language)],
        t("result", language): verdicts[localised("result_text", language)].replace("", "—"),
        t("gap", language): [_in_unit(gap, unit, language) if pd.notna(gap) else ""
                             for gap, unit in zip(verdicts["margin"], verdicts["unit"],
                                                  strict=True)],
        t("status", language): verdicts["status"].map(lambda s: status_label(s, language)),
        t("flags", language): flags,
        t("official_judgement", language): verdicts["official_judgement"],
        t("band_words", language): verdicts["band"],
        t("statements", language): verdicts["statements"],
        t("evidence_strength", language): verdicts["evidence"].map(
            lambda e: t(e, language) if e else ""),
        t("search_note", language): verdicts["search_note"],
        t("target_quote", language): verdicts["target_quote"],
        t("target_note", language): verdicts["target_note"],
        t("target_source", language): verdicts["target_source_title"],
        t("target_date", language): verdicts["target_published"],
        t("target_link", language): verdicts["target_url"].replace("", None),
        t("result_quote", language): verdicts["result_quote"],
        t("result_note", language): verdicts["result_note"],
        t("result_source", language): verdicts["result_source_title"],
        t("result_date", language): verdicts["result_published"],
        t("result_link", language): verdicts["result_url"].replace("", None),
    })
    return frame.reset_index(drop=True)


def scorecard_download(verdicts: pd.DataFrame, language: Language) -> pd.DataFrame:
    """The scorecard as shown, plus the figures as numbers (base units) for spreadsheets."""
    numbers = pd.DataFrame({
        "goal_id": verdicts["goal_id"], "target_value": verdicts["target_value"],
        "target_low": verdicts["target_low"], "target_high": verdicts["target_high"],
        "result_value": verdicts["result_value"], "margin": verdicts["margin"],
        "relative_margin": verdicts["relative_margin"]}).reset_index(drop=True)
    return pd.concat([scorecard(verdicts, language), numbers], axis=1)


def _flags(row: pd.Series, language: Language) -> str:
    flags = []
    if row["early"]:
        flags.append(f"{t('early', language)} {row['early']}")
    if row["derived"]:
        flags.append(t("derived", language))
    if row["progress"]:
        flags.append(t(row["progress"], language))
    if row["weak_evidence"]:
        flags.append(t("weak_evidence", language))
    if row["judgement_differs"]:
        flags.append(t("judgement_differs", language))
    if row["disagreement"]:
        flags.append(t("disagreement", language))
    if row["revised"]:
        flags.append(t("revised", language))
    if row["basis"] == "estimate":
        flags.append(t("estimate_only", language))
    if row["result_reliability"] == "unreliable":
        flags.append(t("unreliable", language))
    return "; ".join(flags)


def ambition(verdicts: pd.DataFrame, by: str, language: Language) -> pd.DataFrame:
    """Per group (``indicator`` or ``source_kind``): how far rated results beat the goals."""
    rated = verdicts[verdicts["status"].isin(RATED) & verdicts["relative_margin"].notna()]
    if rated.empty:
        return pd.DataFrame()
    if by == "indicator":
        keys = indicator_names(rated, language)
        label = t("indicator", language)
    else:
        keys = rated["target_source_kind"].map(lambda k: t(k, language))
        label = t("source_kind", language)
    groups = rated.assign(group=keys).groupby("group")
    columns: dict[str, pd.Series] = {t("rated", language): groups.size()}
    if by == "indicator":  # one unit per indicator, so the margin in that unit means something
        columns[t("median_margin_unit", language)] = groups.apply(
            lambda g: _in_unit(g["margin"].median(), g["unit"].iloc[0], language),
            include_groups=False)
    table = pd.DataFrame({
        **columns,
        t("median_margin", language): groups["relative_margin"].median(),
        t("share_exceeded", language): groups["status"].agg(lambda s: (s == "exceeded").mean()),
        t("share_missed", language): groups["status"].agg(lambda s: (s == "missed").mean()),
    }).sort_values(t("median_margin", language), ascending=False)
    table.index.name = label
    return table.reset_index()


def _in_unit(value: float, unit: str, language: Language) -> str:
    """A margin with its sign (+ = better than the goal), readable: ``+2.5 pp``, ``+1352万``."""
    if unit == "percent":
        label = "个百分点" if language == "zh" else "pp"
    else:
        label = "" if unit == "count" else (UNITS[unit].zh if language == "zh" else UNITS[unit].en)
    value = round(value, 6)
    sign = "+" if value > 0 else ("-" if value < 0 else "")
    number = readable(abs(value), language) if abs(value) >= 10_000 else signed(abs(value))
    return f"{sign}{number} {label}".strip()


def disagreements(tables: Tables, verdicts: pd.DataFrame, language: Language) -> pd.DataFrame:
    """Every result behind a verdict whose sources disagree or whose estimate was revised."""
    flagged = verdicts[verdicts["disagreement"] | verdicts["revised"]]
    if flagged.empty:
        return pd.DataFrame()
    records = tables.records
    rows = []
    for _, verdict in flagged.iterrows():
        answers = records[(records["role"] == "outcome")
                          & (records["indicator_id"] == verdict["indicator_id"])
                          & (records["record_id"].isin(_answer_ids(tables, verdict)))]
        for _, result in answers.sort_values("source_published").iterrows():
            rows.append({
                t("indicator", language): indicator_name(verdict, language),
                t("period", language): verdict["period"],
                t("target", language): verdict[localised("target_text", language)],
                t("result", language): result[localised("text", language)],
                t("decides", language): "✓" if result["record_id"] == verdict["result_id"]
                else "",
                t("source", language): result["source_title"],
                t("published", language): result["source_published"],
                t("reliability", language): t(str(result["source_reliability"]), language),
                t("quote", language): result["quote"],
                t("link", language): result["source_url"] or None,
            })
    return pd.DataFrame(rows).drop_duplicates()


def differing_results(tables: Tables, state: ViewState, language: Language,
                      names: dict[str, tuple[str, str]]) -> pd.DataFrame:
    """Every result reported differently by different sources (or as an estimate, then a final
    figure) for the same indicator, scope and period, whether or not a goal asked for it."""
    records = tables.records[tables.records["role"] == "outcome"]
    if state.scopes:
        records = records[records["scope"].isin(state.scopes)]
    if state.years:
        records = records[records["year"].between(*state.years)]
    groups = records.groupby(["indicator_id", "scope", "period"])["text"].transform("nunique")
    differing = records[groups > 1].sort_values(["indicator_id", "scope", "period",
                                                 "source_published"])
    return pd.DataFrame({
        t("indicator", language): differing["indicator_id"].map(
            lambda i: names[i][1] if language == "zh" else names[i][0]),
        t("scope", language): differing["scope"].map(lambda s: scope_name(s, language)),
        t("period", language): differing["period"],
        t("result", language): differing[localised("text", language)],
        t("source", language): differing["source_title"],
        t("published", language): differing["source_published"],
        t("reliability", language): differing["source_reliability"].map(
            lambda r: t(str(r), language)),
        t("quote", language): differing["quote"],
        t("link", language): differing["source_url"].replace("", None),
    }).reset_index(drop=True)


def _answer_ids(tables: Tables, verdict: pd.Series) -> set[str]:
    """Outcome ids that share the deciding outcome's indicator and period."""
    records = tables.records
    decider = records[records["record_id"] == verdict["result_id"]]
    if decider.empty:
        return set()
    same = records[(records["role"] == "outcome")
                   & (records["indicator_id"] == verdict["indicator_id"])
                   & (records["period_end"] == decider["period_end"].iloc[0])]
    return set(same["record_id"])


def commitments(tables: Tables, language: Language, names: dict[str, tuple[str, str]],
                state: ViewState) -> pd.DataFrame:
    """Qualitative commitments, listed as evidence with no verdict."""
    records = tables.records[tables.records["role"] == "commitment"]
    if state.years:
        records = records[records["year"].between(*state.years)]
    return pd.DataFrame({
        t("year", language): records["year"],
        t("indicator", language): records["indicator_id"].map(
            lambda i: names[i][1] if language == "zh" else names[i][0]),
        t("quote", language): records["quote"],
        t("note", language): records["note"],
        t("source", language): records["source_title"],
        t("published", language): records["source_published"],
        t("link", language): records["source_url"].replace("", None),
    }).reset_index(drop=True)


def filter_word(name: str, value: str, language: Language) -> str:
    """How a sidebar filter's option reads: a scope's name, a verdict with its symbol, or
    the option's label (category, source kind)."""
    if name == "scope":
        return scope_name(value, language)
    return status_label(value, language) if name == "status" else t(value, language)
