"""How times and dates look on screen: stored in UTC, shown in the user's local time."""
from __future__ import annotations

import datetime as dt


def local_datetime_text(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    if value.tzinfo is None:  # services always return aware UTC; be lenient anyway
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def date_text(value: dt.date | None) -> str:
    return value.isoformat() if value is not None else ""


def blank(value: object) -> str:
    return "" if value is None else str(value)
