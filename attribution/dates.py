"""Calendar dates for the time expressions of speech acts, against the publication date."""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

WEEKDAYS = {
    "monday": MO, "tuesday": TU, "wednesday": WE, "thursday": TH,
    "friday": FR, "saturday": SA, "sunday": SU,
}  # fmt: skip
RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1}
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night"})


def resolve_date(when: str, published: dt.date | None) -> str | None:
    """Weekday names, today/yesterday and month-day dates, against the publication date;
    never a guess: "last week" and "earlier" resolve to nothing."""
    if published is None:
        return None
    words = when.lower().replace(",", " ").split()
    if words and words[0] == "on":
        words = words[1:]
    if len(words) == 2 and words[1] in DAY_PARTS:
        words = words[:1]
    if len(words) == 1:
        word = words[0]
        if word in WEEKDAYS:
            return (published + relativedelta(weekday=WEEKDAYS[word](-1))).isoformat()
        if word in RELATIVE_DAYS:
            return (published + dt.timedelta(days=RELATIVE_DAYS[word])).isoformat()
        return None
    return _month_day(words, published)


def _month_day(words: list[str], published: dt.date) -> str | None:
    """ "May 12" (the latest such day on or before publication) or "May 12, 2025"."""
    if len(words) not in {2, 3} or words[0].rstrip(".") not in MONTHS:
        return None
    day = words[1].removesuffix("th").removesuffix("st").removesuffix("nd").removesuffix("rd")
    if not day.isdigit() or (len(words) == 3 and not words[2].isdigit()):
        return None
    month = MONTHS[words[0].rstrip(".")]
    try:
        if len(words) == 3:
            return dt.date(int(words[2]), month, int(day)).isoformat()
        date = dt.date(published.year, month, int(day))
        if date > published:
            date = dt.date(published.year - 1, month, int(day))
    except ValueError:
        return None
    return date.isoformat()
