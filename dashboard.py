"""goalpost dashboard: were the goals met? Layout and widgets only; logic lives in pipeline/."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

import streamlit as st

from pipeline import charts, goal_cards, views
from pipeline import view_state as vs
from pipeline.dataset import find_root
from pipeline.downloads import scorecard_files
from pipeline.goal_view import goal_page, headline, indicator_history
from pipeline.grid_html import grid_html
from pipeline.i18n import LANGUAGES, t
from pipeline.scopes import scope_name
from pipeline.serving import DataServer

ROOT = find_root(Path(__file__).parent)


@st.cache_resource
def data_server(root: str) -> DataServer:
    """One warm data server per project and server process, shared by all sessions."""
    return DataServer(Path(root))


st.set_page_config(page_title="goalpost", page_icon="🎯", layout="wide")
st.html(goal_cards.RESPONSIVE_CSS)  # below 640 px the "wide" parts give way to "narrow" goal cards
server = data_server(str(ROOT))
key = server.key()
tables, problems = server.tables(key)
all_years = sorted(tables.verdicts["year"].unique().tolist())
names = {r.indicator_id: (r.en, r.zh) for r in tables.indicators.itertuples()}
url = vs.from_query(st.query_params.to_dict(), indicators=names, years=all_years,
                 goals=tables.verdicts["goal_id"])


def shared(name: str, build: Any) -> Any:  # build() once per data and view, for all sessions
    return server.part(name, key, state, build)


def open_goal(widget: str, goal_of: Any) -> None:
    """on_select: open the goal of the ticked table row on this page."""
    if chosen := st.session_state[widget].selection.get("rows"):
        st.session_state.goal = goal_of(chosen[0])


def goal_list(name: str, goals: Any, build_table: Any) -> None:
    """A picker that opens a goal; a table whose ticked row opens it (wide), or cards."""
    choices = shared(f"{name}_choices", lambda: goal_cards.goal_choices(goals, lang))
    st.selectbox(t("open_a_goal", lang), list(choices), index=None, key=f"{name}_open",
                 format_func=choices.get, placeholder=t("pick_goal", lang), on_change=lambda:
                 st.session_state.update(goal=st.session_state[f"{name}_open"] or ""))
    st.caption(t("pick_row", lang))
    st.container(key=f"wide_{name}").dataframe(
        shared(name, build_table), hide_index=True, width="stretch", column_config=links,
        key=f"{name}_pick", selection_mode="single-row",
        on_select=partial(open_goal, f"{name}_pick", lambda row: goals["goal_id"].iat[row]))
    st.container(key=f"narrow_{name}").markdown(shared(
        f"{name}_cards", lambda: goal_cards.goal_cards(goals, lang, by_year=False)))


def keep_choice(key: str, options: list, from_url: object, fallback: Any) -> None:
    """A picker starts at the URL's choice if on offer, else (or once filtered away) fallback()."""
    if key not in st.session_state:
        st.session_state[key] = from_url if from_url in options else fallback()
    if st.session_state[key] not in options:
        st.session_state[key] = fallback()


lang = st.session_state.setdefault("lang", url.language)  # from the URL, on a first run
choices = vs.filter_choices(url, tables.verdicts["scope"])
scopes, categories, kinds, statuses = (st.session_state.setdefault(name, chosen) or []
                                       for name, (_, chosen) in choices.items())
years = st.session_state.setdefault("years", url.years or tuple(all_years[:1] + all_years[-1:]))
query = st.session_state.setdefault("q", url.query)


def draw_sidebar() -> None:
    """The filters, drawn last so the main view reaches the browser first; their values were
    read from the session above. One scope needs no scope filter; short lists are chips."""
    with st.sidebar:
        st.selectbox("Language / 语言", list(LANGUAGES), format_func=LANGUAGES.get, key="lang")
        st.header(t("filters", lang))
        for name, (options, _) in choices.items():
            label, word = t(vs.FILTER_LABELS[name], lang), partial(views.filter_word, name,
                                                                   language=lang)
            if name == "scope" and len(options) > 1:
                st.multiselect(label, options, key=name, format_func=word,
                               placeholder=t("all", lang))
            elif name != "scope":
                st.pills(label, options, key=name, format_func=word, selection_mode="multi",
                         help=t("none_is_all", lang))
        if len(all_years) > 1:
            st.slider(t("years", lang), min_value=all_years[0], max_value=all_years[-1],
                      key="years", step=1)
        st.text_input(t("search", lang), key="q", max_chars=100)
        st.caption(t("share_link", lang))
        if st.button(t("rules", lang), key="rules", icon=":material/rule:"):  # drawn when asked
            st.dialog(t("rules", lang), width="large")(
                lambda: st.markdown(views.rules_text(ROOT)))()  # our own document, no record text


st.title(t("title", lang))
st.caption(t("subtitle", lang) + " " + t("data_as_of", lang, date=views.data_as_of(tables)))
st.session_state.setdefault("view", url.view)
view = st.segmented_control(t("view", lang), vs.VIEWS, key="view",
                            format_func=lambda v: t(v, lang)) or "overview"

if not problems.empty:
    st.error(views.escape_markdown(views.problem_banner(problems, lang)))
    with st.expander(t("problems", lang, n=len(problems))):
        st.dataframe(problems[["where", "field", "problem"]].rename(columns=lambda c: t(c, lang)),
                     hide_index=True, width="stretch")

state = vs.ViewState(view=view, language=lang, scopes=tuple(scopes), categories=tuple(categories),
                  kinds=tuple(kinds), statuses=tuple(statuses), query=query, year=url.year,
                  years=vs.year_span(years, all_years), indicator=url.indicator,
                  goal=st.session_state.setdefault("goal", url.goal))
selected = views.filter_verdicts(tables.verdicts, state)
link = st.column_config.LinkColumn(display_text="↗")
links = {t("target_link", lang): link, t("result_link", lang): link,
         t("open_goal", lang): st.column_config.LinkColumn(display_text="→")}
source_link = {t("link", lang): link}
source_line = t("chart_source", lang, date=views.data_as_of(tables))

if state.goal and (page := goal_page(tables, state.goal, lang)):
    st.button(t("back", lang), key="back", on_click=lambda: st.session_state.update(goal=""))
    st.text(page.sentence)
    st.text(f"{t('how_reached', lang)}: {page.verdict['reason']}")  # record text: never Markdown
    if page.verdict["official_judgement"]:
        st.text(t("official_vs", lang, official=page.verdict["official_judgement"]))
    if page.verdict["judgement_differs"]:
        st.warning(t("differs_note", lang))
    if page.verdict["unit"] != "milestone":
        history, evidence = indicator_history(tables, page.verdict)
        st.plotly_chart(shared("goal_chart", lambda: charts.indicator_chart(
            history, evidence, page.verdict["unit"], views.indicator_name(page.verdict, lang),
            lang, source_line, state.goal)), config=charts.png_config(state.goal))
    for title, records in (("statements_of", page.statements),
                           ("results_of", page.results)):  # cards: the quotes in full
        st.subheader(t(title, lang))
        st.markdown(goal_cards.evidence_cards(records, lang))
elif view == "overview":
    counts = server.year_counts(key, state)
    if selected.empty:
        st.info(t("no_match" if len(tables.verdicts) else "nothing_rated", lang))
    else:
        st.markdown(f"**{headline(selected, lang)}**")  # our own words and counts only
        shown = st.pills(t("show_goals", lang), goal_cards.picks(selected), key="goals",
                         format_func=lambda pick: goal_cards.pick_label(pick, selected, lang))
        if shown:
            st.markdown(shared(f"cards {shown}", lambda: goal_cards.picked_cards(
                selected, shown, lang)))
        st.caption(f"{views.legend(lang)}. {t('per_source_note', lang)}")
        st.plotly_chart(shared("year_bars", lambda: charts.titled(charts.year_bars(
            counts, lang, views.affected_years(problems)), t("per_year", lang), source_line)),
            config=charts.png_config("per-year"))
        with st.container(key="wide_grid"):
            st.subheader(t("grid_scopes" if selected["scope"].nunique() > 1 else "grid", lang))
            st.caption(t("pick_cell", lang))
            st.html(shared("grid", lambda: grid_html(  # our markup; every text escaped
                selected, lang, views.affected_years(problems), partial(vs.goal_address, state))))

elif view == "indicator_view":
    options = views.indicator_options(selected, names, lang)
    if not options:
        st.info(t("no_match", lang))
    else:
        keep_choice("indicator", options, url.indicator, lambda: views.busiest_indicator(selected))
        chosen = st.selectbox(t("pick_indicator", lang), options, key="indicator",
                              format_func=lambda i: names[i][lang == "zh"])
        state = vs.with_changes(state, indicator=chosen)
        meta = tables.indicators.set_index("indicator_id").loc[chosen]
        st.text(views.indicator_caption(meta, names[chosen], lang))  # text: names aren't Markdown
        mine = selected[selected["indicator_id"] == chosen]
        records = tables.records[tables.records["indicator_id"] == chosen]
        one = ""
        if mine["scope"].nunique() > 1:  # one scope's history at a time, never 31 overlaid
            scopes_here = views.scope_options(mine)
            keep_choice("indicator_scope", scopes_here, "", lambda: scopes_here[0])
            one = st.selectbox(t("scope", lang), scopes_here, key="indicator_scope",
                               format_func=lambda s: scope_name(s, lang))
            mine, records = mine[mine["scope"] == one], records[records["scope"] == one]
        if meta["unit"] != "milestone":
            st.plotly_chart(shared(f"indicator {one}", lambda: charts.indicator_chart(
                mine, records, meta["unit"], names[chosen][lang == "zh"], lang, source_line)),
                config=charts.png_config(chosen))
        st.markdown(shared(f"cards {one}", lambda: goal_cards.goal_cards(mine, lang, False)))

elif view == "scorecard":
    options = sorted(selected["year"].unique().tolist(), reverse=True)
    if not options:
        st.info(t("no_match", lang))
    else:
        keep_choice("year", options, url.year, lambda: views.latest_rated_year(selected))
        year = st.selectbox(t("pick_year", lang), options, key="year")
        state = vs.with_changes(state, year=year)
        goals = selected[selected["year"] == year]
        goal_list("card", goals, lambda: views.scorecard(goals, lang))
        sheet = shared("sheet", lambda: views.scorecard_download(goals, lang))
        files = scorecard_files(sheet, year, tables.verdicts, tables.records)
        for column, (label, name, build, mime) in zip(st.columns(3), files, strict=True):
            column.download_button(t(label, lang), shared(name, build), name, mime)

elif view == "ambition":
    st.caption(t("ambition_intro", lang))
    if selected["relative_margin"].notna().any():
        st.plotly_chart(shared("ambition", lambda: charts.ambition_figure(selected, lang)),
                        config=charts.png_config("ambition"))
    for by, title in (("indicator", "by_indicator"), ("source_kind", "by_source_kind")):
        st.subheader(t(title, lang))
        table = shared(by, lambda by=by: views.ambition(selected, by, lang))
        if table.empty:
            st.info(t("no_match", lang))
        else:
            st.dataframe(table, hide_index=True, width="stretch", column_config={
                t(c, lang): st.column_config.NumberColumn(format="percent")
                for c in ("median_margin", "share_exceeded", "share_missed")})

else:
    st.subheader(t("disagreements", lang) + " · " + t("revisions", lang))
    flagged = shared("flagged", lambda: views.disagreements(tables, selected, lang))
    if flagged.empty:
        st.write(t("none", lang))
    else:
        st.dataframe(flagged, hide_index=True, width="stretch", column_config=source_link)
    st.subheader(t("differing_results", lang))
    st.dataframe(shared("differing", lambda: views.differing_results(tables, state, lang, names)),
                 hide_index=True, width="stretch", column_config=source_link)
    st.subheader(t("commitments", lang))
    promised = shared("promised", lambda: views.commitments(tables, lang, names, state))
    st.dataframe(promised, hide_index=True, width="stretch", column_config=source_link)

st.query_params.from_dict(vs.to_query(state))
draw_sidebar()
