"""goalpost dashboard: were the goals met? Layout and widgets only; logic lives in pipeline/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st

from pipeline import charts, styles, views
from pipeline import view_state as vs
from pipeline.dataset import find_root
from pipeline.downloads import scorecard_files
from pipeline.goal_view import goal_page, headline
from pipeline.i18n import LANGUAGES, t
from pipeline.scopes import scope_name
from pipeline.serving import DataServer
from pipeline.units import UNITS

ROOT = find_root(Path(__file__).parent)


@st.cache_resource
def data_server(root: str) -> DataServer:
    """One warm data server per project and server process, shared by all sessions."""
    return DataServer(Path(root))


st.set_page_config(page_title="goalpost", page_icon="🎯", layout="wide")
server = data_server(str(ROOT))
key = server.key()
tables, problems = server.tables(key)
all_years = sorted(tables.verdicts["year"].unique().tolist())
names = {r.indicator_id: (r.en, r.zh) for r in tables.indicators.itertuples()}
url = vs.from_query(st.query_params.to_dict(), indicators=names, years=all_years,
                 goals=tables.verdicts["goal_id"])


def shared(name: str, build: Any) -> Any:  # build() once per data and view, for all sessions
    return server.part(name, key, state, build)


def remember(key: str, value: object) -> None:
    """Give a widget its value from the URL on the first run of a session."""
    if key not in st.session_state:
        st.session_state[key] = value


def keep_choice(key: str, options: list, from_url: object, fallback: Any) -> None:
    """A picker starts at the URL's choice if on offer, else (or once filtered away) fallback()."""
    if key not in st.session_state:
        st.session_state[key] = from_url if from_url in options else fallback()
    if st.session_state[key] not in options:
        st.session_state[key] = fallback()


with st.sidebar:
    remember("lang", url.language)
    lang = st.selectbox("Language / 语言", list(LANGUAGES), format_func=LANGUAGES.get, key="lang")
    st.header(t("filters", lang))
    present = sorted(tables.verdicts["scope"].unique(), key=lambda s: (s != "national", s))
    picked = {}
    for name, label, options, chosen, word in (
            ("scope", "scope", present, [s for s in url.scopes if s in present],
             lambda s: scope_name(s, lang)),
            ("cat", "category", vs.CATEGORIES, url.categories, lambda c: t(c, lang)),
            ("kind", "source_kind", vs.SOURCE_KINDS, url.kinds, lambda k: t(k, lang)),
            ("status", "status", vs.STATUSES, url.statuses, lambda s: views.status_label(s, lang))):
        remember(name, list(chosen))
        picked[name] = st.multiselect(t(label, lang), options, key=name, format_func=word,
                                      placeholder=t("all", lang))
    scopes, categories, kinds, statuses = (picked[k] for k in ("scope", "cat", "kind", "status"))
    years = None
    if len(all_years) > 1:
        remember("years", url.years or (all_years[0], all_years[-1]))
        years = st.slider(t("years", lang), min_value=all_years[0], max_value=all_years[-1],
                          key="years", step=1)
    remember("q", url.query)
    query = st.text_input(t("search", lang), key="q", max_chars=100)
    st.caption(t("share_link", lang))
    with st.expander(t("rules", lang)):
        st.markdown(views.rules_text(ROOT))  # our own document, never record text

st.title(t("title", lang))
st.caption(t("subtitle", lang) + " " + t("data_as_of", lang, date=views.data_as_of(tables)))
remember("view", url.view)
view = st.segmented_control(t("view", lang), vs.VIEWS, key="view",
                            format_func=lambda v: t(v, lang)) or "overview"

if not problems.empty:
    st.error(views.escape_markdown(views.problem_banner(problems, lang)))
    with st.expander(t("problems", lang, n=len(problems))):
        st.dataframe(problems[["where", "field", "problem"]].rename(columns=lambda c: t(c, lang)),
                     hide_index=True, width="stretch")

state = vs.ViewState(view=view, language=lang, scopes=tuple(scopes), categories=tuple(categories),
                  kinds=tuple(kinds), statuses=tuple(statuses), query=query,
                  years=tuple(years) if years and tuple(years) != (all_years[0], all_years[-1])
                  else None, indicator=url.indicator, year=url.year,
                  goal=st.session_state.setdefault("goal", url.goal))
selected = views.filter_verdicts(tables.verdicts, state)
link = st.column_config.LinkColumn(display_text="↗")
links = {t("target_link", lang): link, t("result_link", lang): link,
         t("open_goal", lang): st.column_config.LinkColumn(display_text="→")}
source_link, narrow = {t("link", lang): link}, st.column_config.TextColumn(width=44)

if state.goal and (page := goal_page(tables, state.goal, lang)):
    st.button(t("back", lang), on_click=lambda: st.session_state.update(goal=""))
    st.text(page.sentence)
    st.text(f"{t('how_reached', lang)}: {page.verdict['reason']}")  # record text: never Markdown
    if page.verdict["official_judgement"]:
        st.text(t("official_vs", lang, official=page.verdict["official_judgement"]))
    if page.verdict["judgement_differs"]:
        st.warning(t("differs_note", lang))
    for title, frame in (("statements_of", page.statements), ("results_of", page.results)):
        st.subheader(t(title, lang))
        st.dataframe(frame, hide_index=True, width="stretch", column_config=source_link)
elif view == "overview":
    counts, grid = server.overview(key, state)
    if selected.empty:
        st.info(t("no_match" if len(tables.verdicts) else "nothing_rated", lang))
    else:
        st.markdown(f"**{headline(selected, lang)}**")  # our own words and counts only
        st.subheader(t("per_year", lang))
        st.caption(f"{views.legend(lang)}. {t('per_source_note', lang)}")
        st.plotly_chart(shared("year_bars", lambda: charts.year_bars(counts, lang)),
                        config=charts.png_config("per-year"))
        st.subheader(t("grid_scopes" if selected["scope"].nunique() > 1 else "grid", lang))
        st.dataframe(shared("grid", lambda: styles.frozen_style(grid, views.grid_style)),
                     width="stretch", column_config=dict.fromkeys(grid, narrow))

elif view == "indicator_view":
    options = sorted(selected["indicator_id"].unique(),
                     key=lambda i: names[i][1] if lang == "zh" else names[i][0])
    if not options:
        st.info(t("no_match", lang))
    else:
        keep_choice("indicator", options, url.indicator, lambda: views.busiest_indicator(selected))
        chosen = st.selectbox(t("pick_indicator", lang), options, key="indicator",
                              format_func=lambda i: names[i][1] if lang == "zh" else names[i][0])
        state = vs.with_changes(state, indicator=chosen)
        meta = tables.indicators.set_index("indicator_id").loc[chosen]
        unit = UNITS[meta["unit"]].zh if lang == "zh" else UNITS[meta["unit"]].en
        st.text(f"{names[chosen][1]} · {names[chosen][0]} · {t('unit', lang)}: {unit}"
                f" · {t('better_' + meta['better'], lang)}")  # plain text: names are not Markdown
        mine = selected[selected["indicator_id"] == chosen]
        records = tables.records[tables.records["indicator_id"] == chosen]
        if meta["unit"] != "milestone":
            st.plotly_chart(shared("indicator", lambda: charts.indicator_figure(
                mine, records, meta["unit"], lang)), config=charts.png_config(chosen))
        st.dataframe(shared("history", lambda: views.scorecard(mine, lang)), hide_index=True,
                     width="stretch", column_config=links)

elif view == "scorecard":
    options = sorted(selected["year"].unique().tolist(), reverse=True)
    if not options:
        st.info(t("no_match", lang))
    else:
        keep_choice("year", options, url.year, lambda: views.latest_rated_year(selected))
        year = st.selectbox(t("pick_year", lang), options, key="year")
        state = vs.with_changes(state, year=year)
        card = shared("card", lambda: views.scorecard(selected[selected["year"] == year], lang))
        st.dataframe(card, hide_index=True, width="stretch", column_config=links)
        sheet = shared("sheet", lambda: views.scorecard_download(
            selected[selected["year"] == year], lang))
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
