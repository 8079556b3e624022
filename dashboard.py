"""goalpost dashboard: were the goals met? Layout and widgets only; logic lives in pipeline/."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from pipeline.dataset import Dataset, find_root, load_project, year_files
from pipeline.frames import problem_frame, status_counts, verdict_frame

ROOT = find_root(Path(__file__).parent)


def _fingerprint(root: Path) -> tuple[tuple[str, int, int], ...]:
    files = [root / "data" / "indicators.yaml", root / "data" / "sources.yaml", *year_files(root)]
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files if p.exists())


@st.cache_data(show_spinner="Loading records…")
def _load(root: str, fingerprint: tuple[tuple[str, int, int], ...]) -> Dataset:
    return load_project(Path(root))


st.set_page_config(page_title="goalpost — were the goals met?", layout="wide")
st.title("goalpost — were the goals met?")
st.caption("Official numeric targets (MIIT work conferences, Government Work Reports) "
           "against the results reported later.")

dataset = _load(str(ROOT), _fingerprint(ROOT))
if dataset.problems:
    with st.expander(f"⚠ {len(dataset.problems)} problems: some records were left out",
                     expanded=True):
        st.dataframe(problem_frame(dataset), hide_index=True, width="stretch")

verdicts = verdict_frame(dataset)
st.subheader("Targets per year")
st.dataframe(status_counts(verdicts), hide_index=True, width="stretch")
st.subheader("Every target and its verdict")
st.dataframe(verdicts, hide_index=True, width="stretch")
