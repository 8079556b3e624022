"""Goals as cards, for phones and for short lists (the goals missed): the verdict first, the
sentence, both quotes as printed with their dates, and the goal page's link.

Markdown built from escaped record text only: a quote can never become a link or an image.
"""

from __future__ import annotations

from urllib.parse import quote

import pandas as pd

from pipeline.goal_view import goal_sentence, headline
from pipeline.i18n import Language, t
from pipeline.views import SYMBOLS, escape_markdown, status_label

MAX_CARDS = 60  # a list longer than this (a year of 31 provinces) asks for a filter instead
NARROW = 640  # px: below it the views are lists of cards
RESPONSIVE_CSS = f"""<style>
@media (max-width: {NARROW}px) {{ [class*="st-key-wide"] {{ display: none; }} }}
@media (min-width: {NARROW + 1}px) {{ [class*="st-key-narrow"] {{ display: none; }} }}
</style>"""  # our own constant: no record text is ever rendered as HTML


def goal_link(goal_id: str) -> str:
    """The goal page's address, relative to the dashboard: ``?goal=<id>``."""
    return "?goal=" + quote(goal_id, safe=":")


def _quoted(word: str, text: object, date: object) -> str:
    if not text:
        return ""
    dated = f" — {escape_markdown(str(date))}" if date else ""
    return f"> {word}: {escape_markdown(str(text))}{dated}"


def goal_card(row: pd.Series, language: Language) -> str:
    """One goal as a Markdown block."""
    lines = [f"**{escape_markdown(status_label(row['status'], language))}** · "
             f"{int(row['year'])}",
             escape_markdown(goal_sentence(row, language)),
             _quoted(t("target_quote", language), row["target_quote"], row["target_published"]),
             _quoted(t("result_quote", language), row["result_quote"] or row["claim_quote"],
                     row["result_published"]),
             f"[{t('open_goal', language)} →]({goal_link(str(row['goal_id']))})"]
    return "\n\n".join(line for line in lines if line)


def goal_choices(verdicts: pd.DataFrame, language: Language) -> dict[str, str]:
    """The goals as a picker's options: goal id → its symbol and verdict sentence."""
    return {str(row["goal_id"]): f"{SYMBOLS[row['status']]} {goal_sentence(row, language)}"
            for _, row in verdicts.iterrows()}


def goal_cards(verdicts: pd.DataFrame, language: Language, by_year: bool = True) -> str:
    """The selection as cards, newest year first under a heading per year when ``by_year``;
    past :data:`MAX_CARDS` a line says how many more there are."""
    if verdicts.empty:
        return ""
    ordered = verdicts.sort_values(["year", "indicator_id"], ascending=[False, True],
                                   kind="stable")
    text, year = "", None
    for _, row in ordered.head(MAX_CARDS).iterrows():
        if by_year and row["year"] != year:
            year = row["year"]
            text += f"\n\n#### {int(year)}\n\n"
        elif text:
            text += "\n\n---\n\n"
        text += goal_card(row, language)
    if len(ordered) > MAX_CARDS:
        text += "\n\n" + t("more_cards", language, n=len(ordered) - MAX_CARDS)
    return text.strip()


MISSED = "missed"


def picks(verdicts: pd.DataFrame) -> list[str]:
    """What the overview can list as cards: the goals missed (if any), then each year,
    newest first."""
    years = [str(y) for y in sorted(verdicts["year"].unique(), reverse=True)]
    return ([MISSED] if (verdicts["status"] == MISSED).any() else []) + years


def pick_label(pick: str, verdicts: pd.DataFrame, language: Language) -> str:
    """``✗ missed (8)`` or ``2019 (19)``: the choice and how many goals it lists."""
    if pick == MISSED:
        return t("missed_goals", language, n=int((verdicts["status"] == MISSED).sum()))
    return f"{pick} ({int((verdicts['year'] == int(pick)).sum())})"


def picked_cards(verdicts: pd.DataFrame, pick: str, language: Language) -> str:
    """The cards of one choice: the goals missed, or a year's goals under its headline."""
    if pick == MISSED:
        return goal_cards(verdicts[verdicts["status"] == MISSED], language, by_year=False)
    goals = verdicts[verdicts["year"] == int(pick)]
    if goals.empty:
        return ""
    return f"**{headline(goals, language)}**\n\n---\n\n{goal_cards(goals, language, False)}"


def _web_link(url: object) -> str:
    """An http(s) address made safe inside Markdown's ``(<…>)``, else ``''``."""
    text = str(url or "")
    if not text.startswith(("https://", "http://")):
        return ""
    return quote(text, safe=":/?#[]@!$&'*+,;=%~-._")


def evidence_cards(records: pd.DataFrame, language: Language) -> str:
    """A goal page's statements or results as cards: the reliability badge (⚠ when
    unreliable), the publisher and date, the quote as printed, the figure, the note, why a
    figure was set aside, and the archived copy's link."""
    cards = []
    for _, record in records.iterrows():
        badge = t(str(record["source_reliability"]), language)
        if record["source_reliability"] == "unreliable":
            badge = f"⚠ {badge}"
        head = " · ".join(escape_markdown(str(part)) for part in (
            badge, record["source_publisher"], record["source_published"]) if part)
        value = record["text_zh" if language == "zh" else "text"]
        lines = [f"**{head}**", f"> {escape_markdown(str(record['quote']))}",
                 escape_markdown(f"{t('value', language)}: {value}"),
                 escape_markdown(str(record["note"])) if record["note"] else "",
                 escape_markdown(f"⊘ {t('set_aside', language)}: {record['set_aside']}")
                 if record.get("set_aside") else "",
                 escape_markdown(str(record["source_reliability_note"]))
                 if record["source_reliability"] == "unreliable" else ""]
        if link := _web_link(record["source_url"]):
            lines.append(f"[{t('link', language)} ↗](<{link}>)")
        cards.append("\n\n".join(line for line in lines if line))
    return "\n\n---\n\n".join(cards)
