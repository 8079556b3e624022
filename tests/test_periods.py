"""Period strings and the date intervals they stand for."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.periods import PeriodError, parse_period


@pytest.mark.parametrize(("text", "start", "end", "point"), [
    ("2020", date(2020, 1, 1), date(2020, 12, 31), "2020"),
    ("2023-11", date(2023, 1, 1), date(2023, 11, 30), "2023-11"),
    ("2024-02", date(2024, 1, 1), date(2024, 2, 29), "2024-02"),
    ("2021-01/10", date(2021, 1, 1), date(2021, 10, 31), "2021-10"),
    ("2019-Q1", date(2019, 1, 1), date(2019, 3, 31), "2019-03"),
    ("2021-Q2/Q3", date(2021, 4, 1), date(2021, 9, 30), "2021-09"),
    ("2022-H1", date(2022, 1, 1), date(2022, 6, 30), "2022-06"),
    ("2022-H2", date(2022, 7, 1), date(2022, 12, 31), "2022"),
    ("2021-2025", date(2021, 1, 1), date(2025, 12, 31), "2025"),
])
def test_periods(text: str, start: date, end: date, point: str) -> None:
    period = parse_period(text)
    assert (period.start, period.end, period.text, period.end_point()) == (start, end, text,
                                                                            point)
    assert period.year == start.year


@pytest.mark.parametrize(("text", "message"), [
    ("end-2020", "'end-2020' is not a period"),
    ("2020-13", "month 13 does not exist"),
    ("2020-05/03", "'2020-05/03' ends before it starts"),
    ("2025-2021", "span '2025-2021' must end after it starts"),
    ("0999", "year 999 is out of range"),
    ("2020-Q5", "'2020-Q5' is not a period"),
    ("", "'' is not a period"),
])
def test_bad_periods_say_why(text: str, message: str) -> None:
    with pytest.raises(PeriodError) as error:
        parse_period(text)
    assert str(error.value) == message


def test_whole_years() -> None:
    assert parse_period("2021-2025").is_whole_years
    assert not parse_period("2021-H1").is_whole_years


def test_digits_must_be_ascii() -> None:
    for text, digit in (("２０１９", "'２' (FULLWIDTH DIGIT TWO)"),
                        ("٢٠١٩", "'٢' (ARABIC-INDIC DIGIT TWO)"),
                        ("2019-Q١", "'١' (ARABIC-INDIC DIGIT ONE)")):
        with pytest.raises(PeriodError) as error:
            parse_period(text)
        assert str(error.value) == f"digits must be ASCII 0-9, found {digit}"
