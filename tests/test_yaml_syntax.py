"""YAML syntax errors restated in the analyst's terms, at the line that is wrong."""

from __future__ import annotations

import pytest

from pipeline.yaml_reader import parse_yaml
from pipeline.yaml_syntax import explain

HEAD = "year: 2019\nentries:\n  - role: target\n"


def said(text: str) -> list[str]:
    _, problems = parse_yaml(text.encode("utf-8"), "f.yaml")
    return [p.format() for p in problems]


@pytest.mark.parametrize(("text", "expected"), [
    (HEAD + "    indicator: gdp_growth\n   period: 2019\n",
     "f.yaml:5:4: YAML syntax: this line is indented 1 space less than the line above (line 4) "
     "(hint: indent it 4 spaces, like line 4, so that it belongs to the same entry; a new "
     "entry starts with '- ')"),
    (HEAD + "    indicator: gdp\n     period: 2019\n",
     "f.yaml:5:6: YAML syntax: this line is indented 1 space more than the line above (line 4) "
     "(hint: indent it 4 spaces, like line 4, so that it belongs to the same entry; a new "
     "entry starts with '- ')"),
    (HEAD + "  unit: percent\n",
     "f.yaml:4:3: YAML syntax: this line is indented 2 spaces less than the line above (line 3) "
     "(hint: indent it 4 spaces, like line 3, so that it belongs to the same entry; a new "
     "entry starts with '- ')"),
    (HEAD + "    unit: percent\n   - role: outcome\n",
     "f.yaml:5:4: YAML syntax: this entry's '-' is indented 1 space more than the entry above "
     "(line 3) (hint: start each entry's '- ' in column 3, like line 3)"),
])
def test_did_not_find_expected_dash_is_explained_as_indentation(text: str,
                                                                 expected: str) -> None:
    assert said(text) == [expected]


def test_a_colon_inside_a_value_asks_for_quotes() -> None:
    assert said(HEAD + "    note: Growth: about 6%\n") == [
        "f.yaml:4:17: YAML syntax: a colon inside a value: put the value in quotes (hint: "
        "write note: \"Growth: about 6%\")"]


def test_a_full_width_colon_is_named_on_its_own_line() -> None:
    assert said(HEAD + "    note： about\n    unit: percent\n") == [
        "f.yaml:4:9: YAML syntax: full-width colon '：' after 'note' (hint: YAML needs the "
        "ASCII colon: write 'note: …')"]


def test_a_colon_without_a_space() -> None:
    assert said(HEAD + "    note:about\n    unit: x\n") == [
        "f.yaml:4:9: YAML syntax: a colon needs a space after it (hint: write 'key: value', "
        "with a space after the colon)"]


def test_an_unclosed_quote_points_where_it_opened() -> None:
    text = HEAD + '    note: "about\n    unit: percent\n  - role: outcome\n    note: "x"\n'
    assert said(text) == [
        "f.yaml:4:11: YAML syntax: a quoted value opens here and is not closed on its line "
        "(hint: add the closing \" where the text ends, on this line)"]


def test_an_unclosed_quote_at_the_end_of_the_file_points_where_it_opened() -> None:
    assert said(HEAD + '    note: "about\n    unit: percent\n') == [
        "f.yaml:4:11: YAML syntax: expected the quoted text that starts here to be closed, "
        "found it still open where the file ends (hint: add the closing quote where the text "
        "ends)"]


def test_what_it_cannot_tell_is_left_to_the_parser() -> None:
    assert explain("found undefined alias", "a: 1\n", 1) is None
    assert explain("did not find expected key", "a: 1\n  b: 2\n", 1) is None
