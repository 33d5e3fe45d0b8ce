"""Dates resolved against the article date, with UCDP precision."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geomap.events.dates import (
    counted_from,
    day_shifts,
    days_apart,
    find_date,
    last_date,
    shifted,
)
from geomap.model import When

PUBLISHED = date(2019, 4, 16)  # a Tuesday


@pytest.mark.parametrize(
    "text,start,end,precision",
    [
        ("In early March, three officials", date(2019, 3, 1), date(2019, 3, 10), 4),
        ("in mid-March after", date(2019, 3, 11), date(2019, 3, 20), 4),
        ("in late February", date(2019, 2, 21), date(2019, 2, 28), 4),
        ("in late December", date(2018, 12, 21), date(2018, 12, 31), 4),  # before the article
        ("on Saturday", date(2019, 4, 13), date(2019, 4, 13), 1),
        ("last month", date(2019, 3, 1), date(2019, 3, 31), 4),
        ("yesterday", date(2019, 4, 15), date(2019, 4, 15), 1),
        ("on April 3, 2018", date(2018, 4, 3), date(2018, 4, 3), 1),
        ("on 5 January", date(2019, 1, 5), date(2019, 1, 5), 1),
        ("in 2017", date(2017, 1, 1), date(2017, 12, 31), 5),
        ("in March 2015", date(2015, 3, 1), date(2015, 3, 31), 4),
        ("on 3-5 March", date(2019, 3, 3), date(2019, 3, 5), 2),
        ("between March 3 and 9, 2018", date(2018, 3, 3), date(2018, 3, 9), 3),
        ("from 1 to 20 February", date(2019, 2, 1), date(2019, 2, 20), 4),
        ("on April 2–3", date(2019, 4, 2), date(2019, 4, 3), 2),
        ("last weekend", date(2019, 4, 13), date(2019, 4, 14), 2),
        # a weekday is the latest such day on or before the article date
        ("Tuesday night", date(2019, 4, 16), date(2019, 4, 16), 1),
        ("on Tuesday", date(2019, 4, 16), date(2019, 4, 16), 1),
        ("last Tuesday", date(2019, 4, 9), date(2019, 4, 9), 1),
        ("Sunday morning", date(2019, 4, 14), date(2019, 4, 14), 1),
        ("since Friday", date(2019, 4, 12), date(2019, 4, 16), 2),
    ],
)
def test_find_date(text: str, start: date, end: date, precision: int) -> None:
    when = find_date(text, PUBLISHED)
    assert when is not None
    assert (when.start, when.end, when.precision) == (start, end, precision)


@pytest.mark.parametrize("text", ["no date here", "officials may act", "on Saturday"])
def test_no_date_without_anchor(text: str) -> None:
    assert find_date(text, None) is None


@pytest.mark.parametrize(
    "text",
    ["abused her over six years ago", "more than two weeks ago", "at least three days ago"],
)
def test_a_bound_is_no_date(text: str) -> None:
    assert find_date(text, PUBLISHED) is None


def test_a_count_back_without_a_bound_is_a_date() -> None:
    when = find_date("abused her six years ago", PUBLISHED)
    assert when is not None and when.start == date(2013, 1, 1)


@pytest.mark.parametrize(
    "text,start,end,precision",
    [
        ("a fire that broke out ten years ago today", date(2009, 4, 16), date(2009, 4, 16), 1),
        ("he vanished three years ago", date(2016, 1, 1), date(2016, 12, 31), 5),
        ("she went missing two months ago", date(2019, 2, 1), date(2019, 2, 28), 4),
        ("a week ago", date(2019, 4, 8), date(2019, 4, 14), 3),
        ("four days ago", date(2019, 4, 12), date(2019, 4, 12), 1),
        # a weekday that dates a statement is not the event's; "a Thursday" is any Thursday
        ("police arrested 12 people, police said Thursday", None, None, None),
        ("on a Tuesday last November", date(2018, 11, 1), date(2018, 11, 30), 4),
        ("police said Monday the raid was on Saturday", date(2019, 4, 13), date(2019, 4, 13), 1),
    ],
)
def test_counted_back_and_statement_dates(
    text: str, start: date | None, end: date | None, precision: int | None
) -> None:
    when = find_date(text, PUBLISHED)
    if start is None:
        assert when is None
        return
    assert when is not None and (when.start, when.end, when.precision) == (start, end, precision)


@pytest.mark.parametrize(
    "text,days",
    [
        (", four days after police said they", -4),
        (" two weeks after", -14),
        (", a day before", 1),
        (" and 3 days before the vote", 3),
        (", after police said", None),
        (" in the days after", None),
    ],
)
def test_days_apart(text: str, days: int | None) -> None:
    assert days_apart(text) == days


def test_a_gap_counts_the_other_events_day_from_the_date_told() -> None:
    sunday = When(date(2019, 4, 14), date(2019, 4, 14), 1, "Sunday")
    friday = counted_from(sunday, "'s blast came just two days after ")
    assert friday is not None and friday.start == friday.end == date(2019, 4, 12)
    tuesday = counted_from(sunday, " protest, held two days before ")
    assert tuesday is not None and tuesday.start == date(2019, 4, 16)
    assert counted_from(sunday, " raid came three months after ") is None  # no day known
    week = counted_from(sunday, " raid came a week after ")
    assert week is not None and week.start == date(2019, 4, 7)
    assert counted_from(sunday, ", after ") is sunday  # no gap told: the same date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the night before the report, into its day
        ("shelling hit the city overnight", (date(2022, 6, 9), date(2022, 6, 10))),
        # a day of the month told alone: this month, or the last when the day is to come
        ("the attack on the 3rd", (date(2022, 6, 3), date(2022, 6, 3))),
        ("the attack on the 28th", (date(2022, 5, 28), date(2022, 5, 28))),
        # "in May" is the month; a speech "by May" is a person's
        ("a rally in Leeds in May", (date(2022, 5, 1), date(2022, 5, 31))),
        ("since May the camp has grown", (date(2022, 5, 1), date(2022, 5, 31))),
        ("a speech by May in Leeds", None),
        ("in May's first speech", None),
        # the same at the head of a sentence
        ("In March a ferry sank off Lamu.", (date(2022, 3, 1), date(2022, 3, 31))),
        ("In 2015 the mill burned down.", (date(2015, 1, 1), date(2015, 12, 31))),
    ],
)
def test_overnight_a_day_of_the_month_and_the_month_of_may(
    text: str, expected: tuple[date, date] | None
) -> None:
    when = find_date(text, date(2022, 6, 10))
    assert (None if when is None else (when.start, when.end)) == expected


@pytest.mark.parametrize(
    "text,start,end,precision",
    [
        # a preposition that opens the sentence
        ("In January a fire swept the camp", date(2019, 1, 1), date(2019, 1, 31), 4),
        ("In 2015 an earthquake struck", date(2015, 1, 1), date(2015, 12, 31), 5),
        ("In May, a flood hit", date(2018, 5, 1), None, 4),
        # a span across two months
        ("from March 30 to April 2", date(2019, 3, 30), date(2019, 4, 2), 2),
        ("between 28 February and 2 March", date(2019, 2, 28), date(2019, 3, 2), 2),
        ("Dec. 30 to Jan. 2, 2019", date(2018, 12, 30), date(2019, 1, 2), 2),
        ("from Dec. 30 to Jan. 2", date(2018, 12, 30), date(2019, 1, 2), 2),
        # "and" joins two days, unless after "between"
        ("hearings on March 4 and March 9", date(2019, 3, 4), date(2019, 3, 4), 1),
        # a month of the year before
        ("in March last year", date(2018, 3, 1), date(2018, 3, 31), 4),
        ("in June of last year", date(2018, 6, 1), date(2018, 6, 30), 4),
        # some part of a year: that year
        ("in late 2017", date(2017, 1, 1), date(2017, 12, 31), 5),
        ("in the summer of 2016", date(2016, 1, 1), date(2016, 12, 31), 5),
        ("since mid-2018", date(2018, 1, 1), date(2018, 12, 31), 5),
        ("on 2018-11-05", date(2018, 11, 5), date(2018, 11, 5), 1),
        ("a fortnight ago", date(2019, 4, 1), date(2019, 4, 7), 3),
        ("this past weekend", date(2019, 4, 13), date(2019, 4, 14), 2),
        ("on Monday last week", date(2019, 4, 8), date(2019, 4, 8), 1),
        ("on Wednesday of last week", date(2019, 4, 10), date(2019, 4, 10), 1),
        ("on Monday", date(2019, 4, 15), date(2019, 4, 15), 1),
    ],
)
def test_news_date_expressions(text: str, start: date, end: date | None, precision: int) -> None:
    when = find_date(text, PUBLISHED)
    assert when is not None
    end = end or _month_end(start)
    assert (when.start, when.end, when.precision) == (start, end, precision)


def _month_end(d: date) -> date:
    return (d.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


@pytest.mark.parametrize(
    "text,days",
    [
        ("The next day, gunmen attacked", [1]),
        ("the following morning", [1]),
        ("A day earlier, two died", [-1]),
        ("two days later", [2]),
        ("a week later", [7]),
        ("three days earlier", [-3]),
        ("the previous night", [-1]),
        ("the day before, police said", [-1]),
        ("the day before the vote", []),  # counted from the vote, not from a day told
        ("on the day", []),
    ],
)
def test_day_shifts(text: str, days: list[int]) -> None:
    assert [d for d, _, _ in day_shifts(text)] == days


def test_shifted_and_last_date() -> None:
    monday = find_date("on Monday", PUBLISHED)
    assert shifted(monday, 2) == When(date(2019, 4, 17), date(2019, 4, 17), 1, "Monday")
    assert shifted(find_date("last week", PUBLISHED), 1) is None  # a week moves to no day
    assert shifted(None, 1) is None
    last = last_date("took A on Sunday and B on Monday, then", PUBLISHED)
    assert last is not None and last.start == date(2019, 4, 15)
    assert last_date("no date here", PUBLISHED) is None


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
    st.integers(min_value=0, max_value=40),
    st.sampled_from(["%B %-d, %Y", "%-d %B %Y", "%b. %-d, %Y", "%Y-%m-%d"]),
)
def test_a_full_date_round_trips(day: date, back: int, fmt: str) -> None:
    published = day + timedelta(days=back)
    when = find_date(f"The raid took place on {day.strftime(fmt)}, police said.", published)
    assert when is not None and (when.start, when.end, when.precision) == (day, day, 1)


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
    st.integers(min_value=0, max_value=6),
)
def test_a_weekday_round_trips(published: date, back: int) -> None:
    day = published - timedelta(days=back)
    when = find_date(f"Gunmen attacked the post on {day.strftime('%A')}.", published)
    assert when is not None and when.start == when.end == day


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
    st.integers(min_value=1, max_value=20),
    st.integers(min_value=1, max_value=20),
)
def test_a_span_across_months_round_trips(published: date, back: int, length: int) -> None:
    last = published - timedelta(days=back)
    first = last - timedelta(days=length)
    text = f"Fighting raged from {first:%B} {first.day} to {last:%B} {last.day}."
    when = find_date(text, published)
    assert when is not None and (when.start, when.end) == (first, last)


@pytest.mark.parametrize(
    "text,day",
    [
        ("The union plans strikes beginning on April 9.", date(2009, 4, 9)),
        ("A vote is set for 2 May in the capital.", date(2009, 5, 2)),
        ("The hearing is scheduled for March 30.", date(2009, 3, 30)),
        ("Talks are due on February 3.", date(2010, 2, 3)),
        # no word of a plan: the latest such day not after the report
        ("The fair opened on April 9.", date(2008, 4, 9)),
        ("Police said the men were held on 2 March.", date(2009, 3, 2)),
    ],
)
def test_a_day_a_plan_is_set_for_is_the_next_such_day(text: str, day: date) -> None:
    when = find_date(text, date(2009, 3, 23))
    assert when is not None and when.start == day
