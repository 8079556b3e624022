"""Safe, strict YAML reading with positions."""

from __future__ import annotations

from pathlib import Path

from pipeline.yaml_reader import MAX_DEPTH, parse_yaml, read_yaml


def read(text: str | bytes) -> tuple[object, list[str]]:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    document, problems = parse_yaml(raw, "f.yaml")
    return document.data, [p.format() for p in problems]


def test_what_the_analyst_wrote_stays_text() -> None:
    data, problems = read("a: 2020-12\nb: 1:30\nc: yes\nd: 0x1F\ne: 2020-12-31\nf: 12_000\n"
                          "g: off\n")
    assert problems == []
    assert data == {"a": "2020-12", "b": "1:30", "c": "yes", "d": "0x1F", "e": "2020-12-31",
                    "f": "12_000", "g": "off"}


def test_plain_numbers_booleans_and_null() -> None:
    data, _ = read("a: 6\nb: -4.5\nc: 1e5\nd: true\ne: False\nf: null\ng: ~\nh:\ni: '7'\n")
    assert data == {"a": 6, "b": -4.5, "c": 100000.0, "d": True, "e": False, "f": None,
                    "g": None, "h": None, "i": "7"}
    assert isinstance(data, dict) and isinstance(data["a"], int)


def test_positions_are_one_based_lines_and_columns() -> None:
    document, _ = parse_yaml(b"year: 2019\nentries:\n  - role: target\n    value: 6\n", "f")
    assert document.where(("year",)) == (1, 7)
    assert document.where(("entries", 0, "value")) == (4, 12)
    assert document.where(("entries", 0, "value"), key=True) == (4, 5)
    assert document.where(("entries", 0, "missing")) == (3, 5)
    assert document.where(("entries", 7)) == (2, 1)
    assert document.where(()) == (1, 1)


def test_duplicate_keys_are_reported_at_the_second_key() -> None:
    data, problems = read("a: 1\nb: 2\na: 3\n")
    assert data == {"a": 1, "b": 2}
    assert problems == ["f.yaml:3:1: a: duplicate key 'a' (hint: it is already set on line 1; "
                        "keep one)"]


def test_object_tags_are_never_constructed() -> None:
    data, problems = read("a: !!python/object/apply:os.system ['touch /tmp/pwned']\n"
                          "b: !custom x\n")
    assert data == {"a": None, "b": None}
    assert [p.split(": ", 2)[1] for p in problems] == ["a", "b"]
    assert not Path("/tmp/pwned").exists()


def test_explicit_str_tag_is_allowed() -> None:
    assert read("a: !!str 5\n") == ({"a": "5"}, [])


def test_aliases_are_refused_at_the_alias() -> None:
    _, problems = read("a: &x [1, 2]\nb: *x\n")
    assert problems == ["f.yaml:2:4: YAML alias *x is not allowed (hint: anchors and aliases "
                        "are not supported; write the value out in full)"]


def test_a_billion_laughs_is_refused_quickly() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    _, problems = read("\n".join(lines) + "\n")
    assert len(problems) == 72
    assert all("alias" in p for p in problems)


def test_deep_nesting_is_a_problem_not_a_crash() -> None:
    _, problems = read("a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n")
    assert problems and "nesting deeper than" in problems[0]


def test_very_deep_nesting_does_not_raise() -> None:
    _, problems = read("[" * 20000 + "]" * 20000)
    assert len(problems) == 1


def test_byte_order_mark_is_accepted() -> None:
    assert read(b"\xef\xbb\xbfa: 1\n") == ({"a": 1}, [])


def test_invalid_utf8_is_located() -> None:
    _, problems = read(b"a: ok\nb: \xff\n")
    assert problems == ["f.yaml:2:4: not valid UTF-8 (byte 0xff) (hint: save the file as UTF-8; "
                        "GBK/GB2312 text must be re-encoded)"]


def test_an_empty_file_is_empty() -> None:
    assert read("") == (None, [])
    assert read("# only a comment\n") == (None, [])


def test_unreadable_file(tmp_path: Path) -> None:
    document, problems = read_yaml(tmp_path / "nope.yaml", "nope.yaml")
    assert document.data is None
    assert problems[0].code == "unreadable"


def test_non_text_keys_are_refused() -> None:
    data, problems = read("? [a, b]\n: 1\n")
    assert data == {}
    assert problems == ["f.yaml:1:3: a key must be plain text (hint: write 'name: value'; "
                        "lists and mappings cannot be keys)"]


def test_control_characters_are_located() -> None:
    _, problems = read("a: 1\nb: x\x1fy\n")
    assert problems == ["f.yaml:2:5: character U+001F is not allowed in YAML (hint: delete it; "
                        "it often comes from copying text out of a web page or PDF)"]


def test_numbers_goalpost_cannot_hold_are_problems() -> None:
    data, problems = read(f"a: {'9' * 5000}\nb: 1e400\nc: -1e-400\nd: 1e-300\n")
    assert data == {"a": "9" * 5000, "b": "1e400", "c": "-1e-400", "d": 1e-300}
    assert problems == [
        "f.yaml:1:4: a: expected a number of at most 40 characters, found one of 5,000 (hint: "
        "write the figure in base units, e.g. 126000)",
        "f.yaml:2:4: b: expected a number below 1e308, found 1e400 (hint: write the figure in "
        "base units, e.g. 126000)",
        "f.yaml:3:4: c: expected a number that can be stored, found -1e-400, which is so small "
        "it would become 0 (hint: write 0, or the figure in base units)"]


def test_lines_count_only_newlines() -> None:
    _, problems = read('a: "中\u2028文\u2029字\x85"\nb: 1\nb: 2\n')
    assert problems == ["f.yaml:3:1: b: duplicate key 'b' (hint: it is already set on line 2; "
                        "keep one)"]


def test_a_control_character_after_chinese_text_is_located() -> None:
    _, problems = read("a: 中文中文中文中文中文中文中文中文\nb: 中文\x01\n")
    assert problems == ["f.yaml:2:6: character U+0001 is not allowed in YAML (hint: delete "
                        "it; it often comes from copying text out of a web page or PDF)"]


def test_an_unclosed_quote_is_reported_where_it_opens() -> None:
    _, problems = read("a: 'open\nb: 1\nc: 2\n")
    assert problems == ["f.yaml:1:4: YAML syntax: expected the quoted text that starts here "
                        "to be closed, found it still open where the file ends (hint: add the "
                        "closing quote where the text ends)"]
