"""The status grid as one HTML table: indicator (or scope) × year, each goal a symbol in its
colour that links to the goal's page; the header row and the first column stay in view when
the table scrolls.

A table drawn as HTML costs the browser little; the data-grid widget it replaces took about
a second of the overview's first draw and a sixth of a second of every view switch
(``benchmarks/browser.py``). A verdict sentence per symbol as its tooltip would add another
twelfth of a second, so the legend and the goal page say it instead. Every piece of text is
escaped (:func:`html.escape`, quotes too): no record or registry text can become markup.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import pandas as pd

from pipeline.i18n import Language
from pipeline.views import (
    STATUS_COLOURS,
    STATUS_TEXT_COLOURS,
    STATUSES,
    SYMBOLS,
    mark_years,
    status_grid,
)

CSS = "".join(
    [".gp-grid{overflow-x:auto;max-height:640px;overflow-y:auto}",
     ".gp-grid table{border-collapse:separate;border-spacing:0;font-size:0.9rem;width:auto}",
     ".gp-grid th,.gp-grid td{border:1px solid #e6e6e6;padding:2px 6px;white-space:nowrap}",
     ".gp-grid td{text-align:center;min-width:38px}",
     ".gp-grid thead th{position:sticky;top:0;background:#f7f7f9;z-index:2}",
     ".gp-grid tbody th{position:sticky;left:0;background:#fff;text-align:left;z-index:1;",
     "font-weight:normal;max-width:360px;overflow:hidden;text-overflow:ellipsis}",
     ".gp-grid a{text-decoration:none;color:inherit;display:inline-block;padding:0 4px}"]
    + [f".gp-grid td.gp-{status}{{background:{STATUS_COLOURS[status]};"
       f"color:{STATUS_TEXT_COLOURS[status]}}}" for status in STATUSES])


def _first_status(cell: str) -> str:
    """The status whose symbol opens the cell's text (it sets the colour), or ``''``."""
    return next((status for status in STATUSES if cell.startswith(SYMBOLS[status])), "")


def _goal_links(goals: pd.DataFrame, href: Callable[[str], str]) -> str:
    """A cell's goals, most settled verdict first, each its symbol linking to its page."""
    ordered = goals.assign(order=goals["status"].map(STATUSES.index)).sort_values(
        "order", kind="stable")
    return " ".join(f'<a href="{escape(href(str(goal)))}">{SYMBOLS[status]}</a>'
                    for goal, status in ordered[["goal_id", "status"]].itertuples(index=False))


def grid_html(verdicts: pd.DataFrame, language: Language, affected: set[int],
              href: Callable[[str], str]) -> str:
    """The grid of ``verdicts`` (see :func:`views.status_grid` for rows and cells), years a
    broken file touches marked ⚠; ``href(goal_id)`` is each goal's link. A grid of several
    scopes shows counts per verdict, without links (one scope shows its goals)."""
    grid = status_grid(verdicts, language)
    if grid.empty:
        return ""
    by_scope = verdicts["scope"].nunique() > 1
    name = "indicator_zh" if language == "zh" else "indicator_en"
    cells = {} if by_scope else dict(iter(verdicts.groupby([name, "year"])))  # pairs, not .keys
    years = mark_years(list(grid.columns), affected)
    head = "".join(f"<th>{escape(label)}</th>" for label in [grid.index.name or "", *years])
    rows = []
    for label, row in grid.iterrows():
        tds = []
        for year, text in row.items():
            status = _first_status(str(text))
            goals = cells.get((label, int(year)))
            content = (_goal_links(goals, href) if goals is not None
                       else escape(str(text)))
            tds.append(f'<td class="gp-{status}">{content}</td>' if status else "<td></td>")
        shown = escape(str(label))
        rows.append(f'<tr><th scope="row" title="{shown}">{shown}</th>{"".join(tds)}</tr>')
    return (f"<style>{CSS}</style><div class=\"gp-grid\"><table><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></div>")
