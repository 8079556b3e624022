"""The new-year template and extract's draft files."""

from __future__ import annotations

from conftest import ProjectMaker

from pipeline.dataset import load_project
from pipeline.drafts import comment_safe, draft_file, template
from pipeline.extract import Candidate


def test_the_template_validates_as_it_is(make_project: ProjectMaker) -> None:
    root = make_project({"targets/2026.yaml": template(2026)})
    assert load_project(root).problems == []
    assert "period: 2027" in template(2026)


TODO = ("targets/2019.yaml:{}:11: entries[{}].note: expected an English label, found 'TODO: an "
        "English label for this figure' (hint: write what the figure is in English (for a "
        "garbled source, add the standard wording) and remove the TODO)")


def test_a_draft_file_lists_every_candidate_as_a_draft(make_project: ProjectMaker) -> None:
    candidates = [
        Candidate("outcome", 5.6, None, None, "about", "percent", "2019", True,
                  '增长5.6%左右"\n: x', 9, "industrial_va_growth"),
        Candidate("target", None, 5.5, 6, "range", "percent", "2020", False, "增长5.5%-6%", 12,
                  "", ["industrial_va_growth"]),
    ]
    text = draft_file(candidates, 2019, "conf-2019", "report.txt")
    root = make_project({"targets/2019.yaml": text})
    lines = [p.format() for p in load_project(root).problems]
    assert lines == [
        "targets/2019.yaml:8:12: entries[0].draft: draft entry to confirm (hint: check it "
        "against the source, fix what is wrong, then delete 'draft: true')",
        TODO.format(18, 0),
        "targets/2019.yaml:21:12: entries[1].draft: draft entry to confirm (hint: check it "
        "against the source, fix what is wrong, then delete 'draft: true')",
        "targets/2019.yaml:23:16: entries[1].indicator: unknown indicator '?' (hint: register "
        "it in data/indicators.yaml first)",
        TODO.format(31, 1),
    ]
    assert "# report.txt line 12. Indicator not matched; closest: industrial_va_growth" in text
    assert 'quote: "增长5.6%左右\\"\\n: x"' in text  # report text cannot break the YAML


def test_comments_cannot_be_broken_out_of() -> None:
    assert comment_safe("a\nyear: 1999\r\u2028\x85b.txt") == \
        "a\\nyear: 1999\\r\\u2028\\u0085b.txt"
    assert comment_safe("报告 2019.txt") == "报告 2019.txt"
