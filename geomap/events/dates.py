"""Dates as precise as the text allows, resolved against the article's date.

Precision follows UCDP's scale: 1 exact day, 2 a few days, 3 week, 4 month, 5 year.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from geomap.model import When

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}

_DAY_MONTH_YEAR = re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MONTH},?\s+(?P<year>\d{{4}})\b")
_MONTH_DAY_YEAR = re.compile(
    rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b"
)
_DAYS = r"(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*(?P<d2>\d{1,2})(?:st|nd|rd|th)?"
_DAY_RANGES = (
    re.compile(rf"\b(?:between\s+)?{_DAYS}\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<year>\d{{4}}))?"),
    re.compile(rf"\b(?:between\s+)?{_MONTH}\s+{_DAYS}\b(?:,?\s+(?P<year>\d{{4}}))?"),
)
_MONTH2 = _MONTH.replace("?P<month>", "?P<month2>")
_UNTIL = r"\s*(?:-|–|to|until|through|till|and(?P<and>))\s*"
#: "Feb. 28 to March 2", "between 28 February and 2 March 2019": a span across two months
#: ("and" only after "between": "hearings on May 4 and May 9" are two days)
_CROSS_MONTH_RANGES = (
    re.compile(
        rf"(?P<between>\bbetween\s+)?\b{_MONTH}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?{_UNTIL}{_MONTH2}\s+"
        rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}}))?"
    ),
    re.compile(
        rf"(?P<between>\bbetween\s+)?\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}{_UNTIL}"
        rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH2}(?:,?\s+(?P<year>\d{{4}}))?"
    ),
)
_PART_OF_MONTH = re.compile(
    rf"\b(?P<part>early|mid|late|the (?:start|beginning|middle|end) of)[- ]+{_MONTH}"
    r"(?:,?\s+(?P<year>\d{4}))?",
    re.IGNORECASE,
)
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+\d{{4}})")
_DAY_MONTH = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b(?!,?\s+\d{{4}})"
)
_MONTH_YEAR = re.compile(rf"\b(?:in\s+)?{_MONTH}(?:\s+of)?\s+(?P<year>\d{{4}})\b")
# ("In January a fire ...": the preposition may open the sentence; the month keeps its capital)
_IN_MONTH = re.compile(
    rf"\b(?P<prep>[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|[Bb]y|[Ll]ast)\s+{_MONTH}\b(?!['’])"
    r"(?P<last_year>\s+(?:of\s+)?last\s+year\b)?"
)
#: A day of the month told alone ("on the 3rd", "on the 21st"): the report's month, or the
#: month before when that day is still to come.
_ON_THE_DAY = re.compile(r"\bon the (?P<day>\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?[A-Z])")
# (not "on a Tuesday last November": any Tuesday of it)
_WEEKDAY = re.compile(
    r"(?<!\b[Aa] )\b(?:(?P<rel>last|since|this)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday)\b"
)
#: A weekday that dates a statement, not the event it tells of ("police said Thursday").
_STATED_ON = re.compile(
    r"\b(?:said|says|told|announced|reported|confirmed|added|stated)\s+(?:on\s+)?$", re.I
)
_OF_LAST_WEEK = re.compile(r",?\s+(?:of\s+)?last\s+week\b", re.IGNORECASE)
_IN_YEAR = re.compile(r"\b(?:[Ii]n|[Ss]ince|[Dd]uring)\s+(?P<year>(?:19|20)\d{2})\b")
#: "in the summer of 2019", "late 2019", "mid-2019": some part of that year (its year)
_PART_OF_YEAR = re.compile(
    r"\b(?:(?:spring|summer|autumn|fall|winter)\s+of|(?:early|mid|late)[- ]+)\s*"
    r"(?P<year>(?:19|20)\d{2})\b",
    re.IGNORECASE,
)
#: An ISO date ("2019-03-05")
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_DIGIT = re.compile(r"\d")
_RELATIVE = re.compile(
    r"\b(?P<rel>yesterday|today|this morning|tonight|last night|last week|last month|last year|"
    r"last weekend|over the weekend|at the weekend|(?:this|the) past weekend|"
    r"earlier this month|earlier this year|this week|this month|overnight)\b",
    re.IGNORECASE,
)


_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUMBER_WORDS.update({"a": 1, "an": 1})
_AGO = re.compile(
    r"\b(?P<n>\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")\s+"
    r"(?P<unit>day|week|fortnight|month|year)s?\s+ago(?P<today>\s+today)?\b",
    re.IGNORECASE,
)


#: Words before "N years ago" that make it a bound, not a date ("over six years ago",
#: "more than a decade ago": any time before)
_AT_LEAST = re.compile(r"\b(?:over|more\s+than|at\s+least|upwards\s+of)\s+$", re.IGNORECASE)


#: "two days after", "a week before": the gap between two events a sentence tells
_GAP = re.compile(
    r"\b(?P<n>\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")\s+(?P<unit>day|week|month|year)s?\s+"
    r"(?:(?:just|only|barely|nearly|almost)\s+)?(?P<dir>after|before)\b",
    re.IGNORECASE,
)


def days_apart(text: str) -> int | None:
    """The days an event told after ``text`` lies from the one dated before it: "arrested
    on June 2, four days after they stabbed …" gives -4 ("before": +N); None when the text
    tells no gap in days or weeks ("three months after" is no day)."""
    m = _GAP.search(text)
    if m is None or m["unit"].lower() not in ("day", "week"):
        return None
    raw = m["n"].lower()
    n = (int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]) * (
        7 if m["unit"].lower() == "week" else 1
    )
    return -n if m["dir"].lower() == "after" else n


def counted_from(when: When, between: str) -> When | None:
    """The date of an event told after ``when``'s date and a gap ("Sunday's blast came two
    days after bombs killed six": the bombs are two days before that Sunday): ``when``
    moved by the gap ``between`` the two gives (:func:`days_apart`), for a day's date; None
    (no date known) for a vaguer date or a gap of months or years; ``when`` itself when
    ``between`` tells no gap."""
    if _GAP.search(between) is None:
        return when
    apart = days_apart(between)
    if apart is None or when.start != when.end:
        return None
    d = when.start + timedelta(days=apart)
    return When(d, d, 1, when.text)


def _ago(m: re.Match[str], published: date) -> When | None:
    """ "15 years ago" (that year), "15 years ago today" (that day), "two weeks ago" (that
    week), "three days ago" (that day), counted back from the article date."""
    raw = m["n"].lower()
    n = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
    unit = m["unit"].lower()
    if unit == "day":
        d = published - timedelta(days=n)
        return When(d, d, 1, m.group())
    if unit in ("week", "fortnight"):
        d = published - timedelta(days=(14 if unit == "fortnight" else 7) * n)
        start = d - timedelta(days=d.weekday())
        return When(start, start + timedelta(days=6), 3, m.group())
    if unit == "month":
        total = published.year * 12 + published.month - 1 - n
        first, last = _month_span(total // 12, total % 12 + 1)
        return When(first, last, 4, m.group())
    year = published.year - n
    if m["today"]:
        day = _safe_date(year, published.month, published.day)
        return When(day, day, 1, m.group()) if day else None
    return When(date(year, 1, 1), date(year, 12, 31), 5, m.group())


def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


#: Words right before a day that put it ahead: "beginning on April 9", "set for 2 May".
_PLANNED_FOR = re.compile(
    r"\b(?:beginning|starting|scheduled|planned|set|slated|due)\s+(?:for|on)?\s*$", re.I
)


def _infer_year(month: int, published: date | None) -> int | None:
    """The year of a month named without one: the latest not after the article date."""
    if published is None:
        return None
    return published.year if month <= published.month else published.year - 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _span_precision(first: date, last: date) -> int:
    """UCDP precision of a span: 1 a day, 2 up to 6 days, 3 a week, 4 a month, 5 longer."""
    days = (last - first).days + 1
    return 1 if days == 1 else 2 if days <= 6 else 3 if days <= 7 else 4 if days <= 31 else 5


def _day_range(text: str, published: date | None) -> When | None:
    """ "3-5 March", "between March 3 and 5, 2019": a span of days."""
    for rx in _CROSS_MONTH_RANGES:
        m = next((x for x in rx.finditer(text) if x["and"] is None or x["between"]), None)
        if not m:
            continue
        m1, m2 = MONTHS[m["month"].lower()], MONTHS[m["month2"].lower()]
        if m["year"]:
            y2 = int(m["year"])
            y1 = y2 - 1 if m1 > m2 else y2  # "Dec. 30 to Jan. 2, 2019"
        else:
            y1 = _infer_year(m1, published) or 0  # the year of its first day, as alone
            y2 = y1 + 1 if m1 > m2 else y1
            if not y1:
                return None
        first, last = _safe_date(y1, m1, int(m["d1"])), _safe_date(y2, m2, int(m["d2"]))
        if first is None or last is None or last < first or (last - first).days > 62:
            return None
        return When(first, last, _span_precision(first, last), m.group().strip())
    for rx in _DAY_RANGES:
        m = rx.search(text)
        if not m:
            continue
        month = MONTHS[m["month"].lower()]
        year = int(m["year"]) if m["year"] else _infer_year(month, published)
        if year is None:
            return None
        first, last = _safe_date(year, month, int(m["d1"])), _safe_date(year, month, int(m["d2"]))
        if first is None or last is None or last < first:
            return None
        return When(first, last, _span_precision(first, last), m.group().strip())
    return None


_NEXT = re.compile(
    r"\b(?P<rel>tomorrow|next week|next month|next year|later this week|later this month)\b",
    re.IGNORECASE,
)


def find_date(text: str, published: date | None, future: bool = False) -> When | None:
    """The first date expression in ``text``, as a range with its precision, or None.
    ``future`` for an announced event: a weekday is the next such day on or after the article
    date, a month without a year the next such month, a month and day without a year the
    next such day, and "tomorrow", "next week", "next month" are read."""
    if future and published is not None:
        when = _future_date(text, published)
        if when is not None:
            return when
    # (the patterns with a day or a year need a digit: a text without one skips them)
    digits = _DIGIT.search(text) is not None
    ranged = _day_range(text, published) if digits else None
    if ranged:
        return ranged
    m = _ISO.search(text) if digits else None
    if m:
        d = _safe_date(int(m["year"]), int(m["month"]), int(m["day"]))
        if d:
            return When(d, d, 1, m.group())
    for rx in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR) if digits else ():
        m = rx.search(text)
        if m:
            d = _safe_date(int(m["year"]), MONTHS[m["month"].lower()], int(m["day"]))
            if d:
                return When(d, d, 1, m.group())
    m = _PART_OF_MONTH.search(text)
    if m:
        month = MONTHS[m["month"].lower()]
        year = int(m["year"]) if m["year"] else _infer_year(month, published)
        if year:
            first, last = _month_span(year, month)
            part = m["part"].lower()
            if part in ("early", "the start of", "the beginning of"):
                first, last = first, first.replace(day=10)
            elif part in ("mid", "the middle of"):
                first, last = first.replace(day=11), first.replace(day=20)
            else:
                first = first.replace(day=21)
            return When(first, last, 4, m.group())
    for rx in (_MONTH_DAY, _DAY_MONTH) if digits else ():
        m = rx.search(text)
        if m:
            month = MONTHS[m["month"].lower()]
            year = _infer_year(month, published)
            if year and published is not None and _PLANNED_FOR.search(text, 0, m.start()):
                # "protests beginning on April 9", "a vote set for 2 May": the day to come
                year = (
                    published.year
                    if (month, int(m["day"]))
                    >= (
                        published.month,
                        published.day,
                    )
                    else published.year + 1
                )
            d = _safe_date(year, month, int(m["day"])) if year else None
            if d:
                return When(d, d, 1, m.group())
    m = _MONTH_YEAR.search(text) if digits else None
    if m:
        first, last = _month_span(int(m["year"]), MONTHS[m["month"].lower()])
        return When(first, last, 4, m.group())
    m = _IN_MONTH.search(text)
    if m and m["month"] == "May" and m["prep"].lower() == "by":
        m = None  # "a speech by May": a person; "in May", "since May": the month
    if m:
        month = MONTHS[m["month"].lower()]
        year = _infer_year(month, published)
        if year and m["last_year"] and published is not None:
            year = published.year - 1  # "in March last year"
        if year:
            first, last = _month_span(year, month)
            return When(first, last, 4, m.group())
    m = _ON_THE_DAY.search(text) if digits and published is not None else None
    if m and published is not None:
        day = int(m["day"])
        month_start = published.replace(day=1)
        if day > published.day:  # "on the 28th" in a report of the 10th: last month's
            month_start = (month_start - timedelta(days=1)).replace(day=1)
        d = _safe_date(month_start.year, month_start.month, day)
        if d:
            return When(d, d, 1, m.group())
    if published is not None:
        ago = _AGO.search(text)
        if ago and not _AT_LEAST.search(text, 0, ago.start()):
            return _ago(ago, published)
        m = next(
            (w for w in _WEEKDAY.finditer(text) if not _STATED_ON.search(text, 0, w.start())),
            None,
        )
        if m and text[max(0, m.start() - 5) : m.start()].lower() == "next ":
            # "next Tuesday": that day of the week after the article's, however the sentence
            # is read (a day to come cannot be the past one)
            start = published + timedelta(days=7 - published.weekday())
            d = start + timedelta(days=WEEKDAYS[m["wd"].lower()])
            return When(d, d, 1, text[m.start() - 5 : m.end()])
        if m:
            # the latest such day on or before the article date; "last Tuesday" in a
            # Tuesday's article is the week before
            back = (published.weekday() - WEEKDAYS[m["wd"].lower()]) % 7
            if back == 0 and m["rel"] == "last":
                back = 7
            if m["rel"] is None and _OF_LAST_WEEK.match(text, m.end()):
                # "on Monday last week": that day of the week before the article's
                back = published.weekday() + 7 - WEEKDAYS[m["wd"].lower()]
            d = published - timedelta(days=back)
            if m["rel"] == "since":
                return When(d, published, _span_precision(d, published), m.group())
            return When(d, d, 1, m.group())
        m = _RELATIVE.search(text)
        if m:
            return _relative(m["rel"].lower(), published, m.group())
    m = (_IN_YEAR.search(text) or _PART_OF_YEAR.search(text)) if digits else None
    if m:
        year = int(m["year"])
        return When(date(year, 1, 1), date(year, 12, 31), 5, m.group())
    return None


def _relative(rel: str, published: date, text: str) -> When:
    if rel == "yesterday" or rel == "last night":
        d = published - timedelta(days=1)
        return When(d, d, 1, text)
    if rel == "overnight":  # the night before the report, or into its day
        return When(published - timedelta(days=1), published, 2, text)
    if rel in ("today", "this morning", "tonight"):
        return When(published, published, 1, text)
    if rel.endswith("weekend"):  # last, this past, over the, at the
        saturday = published - timedelta(days=(published.weekday() - 5) % 7 or 7)
        return When(saturday, saturday + timedelta(days=1), 2, text)
    if rel == "last week":
        start = published - timedelta(days=published.weekday() + 7)
        return When(start, start + timedelta(days=6), 3, text)
    if rel == "this week":
        start = published - timedelta(days=published.weekday())
        return When(start, published, 3, text)
    if rel == "last month":
        prev = published.replace(day=1) - timedelta(days=1)
        first, last = _month_span(prev.year, prev.month)
        return When(first, last, 4, text)
    if rel in ("earlier this month", "this month"):
        return When(published.replace(day=1), published, 4, text)
    if rel == "last year":
        return When(date(published.year - 1, 1, 1), date(published.year - 1, 12, 31), 5, text)
    return When(date(published.year, 1, 1), published, 5, text)  # earlier this year


def _future_date(text: str, published: date) -> When | None:
    """Dates of an announced event that :func:`find_date` reads the other way round."""
    m = _NEXT.search(text)
    if m:
        rel = m["rel"].lower()
        if rel == "tomorrow":
            d = published + timedelta(days=1)
            return When(d, d, 1, m.group())
        if rel == "next week":
            start = published + timedelta(days=7 - published.weekday())
            return When(start, start + timedelta(days=6), 3, m.group())
        if rel == "later this week":
            end = published + timedelta(days=6 - published.weekday())
            return When(published, end, _span_precision(published, end), m.group())
        if rel == "next month":
            first = (published.replace(day=28) + timedelta(days=4)).replace(day=1)
            start, end = _month_span(first.year, first.month)
            return When(start, end, 4, m.group())
        if rel == "later this month":
            end = _month_span(published.year, published.month)[1]
            return When(published, end, 4, m.group())
        year = published.year + 1
        return When(date(year, 1, 1), date(year, 12, 31), 5, m.group())
    m = _WEEKDAY.search(text)
    if m and text[max(0, m.start() - 5) : m.start()].lower() == "next ":
        start = published + timedelta(days=7 - published.weekday())
        d = start + timedelta(days=WEEKDAYS[m["wd"].lower()])
        return When(d, d, 1, text[m.start() - 5 : m.end()])  # "next Tuesday": next week's
    if m and m["rel"] is None and not _DAY_MONTH_YEAR.search(text) and not _MONTH_DAY.search(text):
        ahead = (WEEKDAYS[m["wd"].lower()] - published.weekday()) % 7
        d = published + timedelta(days=ahead)
        return When(d, d, 1, m.group())
    if not _DAY_MONTH_YEAR.search(text) and not _MONTH_DAY_YEAR.search(text):
        for rx in (_MONTH_DAY, _DAY_MONTH):
            m = rx.search(text)
            if m is None:
                continue
            # "a rally on June 7" in a report of May 28: the June 7 to come, not last year's
            month, day = MONTHS[m["month"].lower()], int(m["day"])
            day_to_come = _safe_date(published.year, month, day)
            if day_to_come is not None and day_to_come < published:
                day_to_come = _safe_date(published.year + 1, month, day)
            if day_to_come is not None:
                return When(day_to_come, day_to_come, 1, m.group())
    m = _IN_MONTH.search(text)
    if m and m["month"] != "May" and not _MONTH_YEAR.search(text):
        month = MONTHS[m["month"].lower()]
        year = published.year if month >= published.month else published.year + 1
        first, last = _month_span(year, month)
        return When(first, last, 4, m.group())
    return None


#: A day counted from the one told before: "the next morning", "the following day", "a day
#: later", "two days later", "the previous night", "a day earlier", "the day before" (not
#: "the day before the vote": a day counted from the vote).
_SHIFT = re.compile(
    r"\b(?:the\s+(?P<next>next|following)\s+(?:day|morning|afternoon|evening|night)"
    r"|the\s+(?P<prev>previous|preceding)\s+(?:day|morning|afternoon|evening|night)"
    r"|the\s+(?P<daybefore>day|night)\s+before(?!\s+(?:the|a|an|his|her|its|their|our|last)\b)"
    r"(?!\s+[A-Z0-9])"
    r"|(?P<n>\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")\s+(?P<unit>day|week)s?\s+"
    r"(?P<dir>later|earlier)\b)\b",
    re.IGNORECASE,
)


def day_shifts(text: str) -> list[tuple[int, int, int]]:
    """The days each expression of :data:`_SHIFT` in ``text`` moves from the day told before
    it, with its offsets: ``(days, start, end)`` ("the next day": +1, "two days earlier": -2)."""
    out = []
    for m in _SHIFT.finditer(text):
        if m["next"]:
            days = 1
        elif m["prev"] or m["daybefore"]:
            days = -1
        else:
            raw = m["n"].lower()
            days = (int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]) * (
                7 if m["unit"].lower() == "week" else 1
            )
            if m["dir"].lower() == "earlier":
                days = -days
        out.append((days, m.start(), m.end()))
    return out


def shifted(when: When | None, days: int) -> When | None:
    """``when`` moved by ``days`` when it is one day; None for a longer or no date."""
    if when is None or when.start != when.end:
        return None
    d = when.start + timedelta(days=days)
    return When(d, d, 1, when.text)


def last_date(text: str, published: date | None) -> When | None:
    """The date told last in ``text`` ("took A on Monday and B on Tuesday": Tuesday)."""
    last, pos = None, 0
    while (when := find_date(text[pos:], published)) is not None and when.text:
        at = text.find(when.text, pos)
        if at < 0:
            break
        last, pos = when, at + len(when.text)
    return last
