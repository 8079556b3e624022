"""Every label exists in both languages."""

from __future__ import annotations

from pipeline.i18n import LABELS, t
from pipeline.verdicts import STATUSES
from pipeline.view_state import CATEGORIES, SOURCE_KINDS, VIEWS


def test_every_label_has_english_and_chinese() -> None:
    for key, (english, chinese) in LABELS.items():
        assert english and chinese, key
        assert english != chinese or key in ("title",), key


def test_every_code_shown_in_the_dashboard_has_a_label() -> None:
    for code in (*STATUSES, *CATEGORIES, *SOURCE_KINDS, *VIEWS):
        assert code in LABELS, code


def test_translation_and_placeholders() -> None:
    assert t("missed", "zh") == "未达成"
    assert t("problems", "en", n=3) == "3 problems: some records were left out"
    assert t("no-such-label", "zh") == "no-such-label"
