"""Fixed-field values: flags, counts, SIP2 dates, amounts, and the free-text due date.

Reading is tolerant (a blank count is ``None``, a zone of ``"   Z"`` is UTC, three blanks or
``0000`` are accepted); writing produces the specification's form.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, tzinfo
from decimal import Decimal, InvalidOperation
from typing import Literal

ZoneStyle = Literal["local", "utc"]

_DATE18 = re.compile(r"([0-9]{8})(.{4})([0-9]{6})\Z")
_DATE17 = re.compile(r"([0-9]{8})( {3})([0-9]{6})\Z")
_AMOUNT = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")


def yes(raw: str | None) -> bool:
    """``Y``, ``y`` and ``1`` are yes; anything else (``N``, ``U``, blank, absent) is no."""
    return raw is not None and raw[:1] in ("Y", "y", "1")


def flag(value: bool) -> str:
    return "Y" if value else "N"


def bit(value: bool) -> str:
    return "1" if value else "0"


def count(raw: str | None) -> int | None:
    """A fixed or variable number; blank or non-numeric (some servers pad with spaces) -> None."""
    if raw is None:
        return None
    text = raw.strip()
    # ASCII only: str.isdigit also accepts "²", which int() refuses
    return int(text) if text.isascii() and text.isdigit() else None


def number(value: int, width: int) -> str:
    """A zero-padded number, clamped to what fits (9999 for four digits)."""
    return str(max(0, min(value, 10**width - 1))).zfill(width)


def is_date(raw: str) -> bool:
    """Is ``raw`` an acceptable fixed date (18 or the spec example's 17 characters, or blank)."""
    return raw.strip() == "" or bool(_DATE18.match(raw) or _DATE17.match(raw))


def parse_date(raw: str | None, tz: tzinfo) -> datetime | None:
    """A SIP2 date as an aware datetime; blank -> None; unreadable -> None.

    The zone part: blanks mean the ACS's local time (``tz``); ``Z`` at its end means UTC; a
    numeric zone of ``0000`` is treated as UTC.
    """
    if raw is None or not raw.strip():
        return None
    m = _DATE18.match(raw) or _DATE17.match(raw)
    if m is None:
        return None
    day, zone, clock = m.groups()
    try:
        naive = datetime.strptime(day + clock, "%Y%m%d%H%M%S")
    except ValueError:
        return None
    zone = zone.strip()
    if zone in ("Z", "UTC", "0000", "GMT"):
        return naive.replace(tzinfo=UTC)
    return naive.replace(tzinfo=tz)


def format_date(when: datetime | None, tz: tzinfo, style: ZoneStyle = "local") -> str:
    """An 18-character SIP2 date; ``None`` -> 18 blanks."""
    if when is None:
        return " " * 18
    if when.tzinfo is None:
        when = when.replace(tzinfo=tz)
    if style == "utc":
        return _stamp(when.astimezone(UTC), "   Z")
    return _stamp(when.astimezone(tz), "    ")


def _stamp(when: datetime, zone: str) -> str:
    # not strftime: its %Y is not zero-padded below the year 1000 on glibc
    return (
        f"{when.year:04d}{when.month:02d}{when.day:02d}{zone}"
        f"{when.hour:02d}{when.minute:02d}{when.second:02d}"
    )


_DUE_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d",
    "%d-%m-%Y %H:%M",
    "%d-%m-%Y",
    "%d/%m/%Y",
    "%m/%d/%Y",
    "%Y%m%d",
)


def parse_due(raw: str | None, tz: tzinfo, formats: tuple[str, ...] = ()) -> datetime | None:
    """The free-text due date (AH): SIP2 date form first, then ``formats``, then common ones.

    Returns ``None`` when nothing fits; callers keep the raw text to show it as sent.
    """
    if raw is None or not raw.strip():
        return None
    text = raw.strip()
    parsed = parse_date(raw, tz) or parse_date(text, tz)
    if parsed is not None:
        return parsed
    if text.endswith("Z"):
        try:
            return datetime.fromisoformat(text[:-1]).replace(tzinfo=UTC)
        except ValueError:
            pass
    for fmt in (*formats, *_DUE_FORMATS):
        try:
            naive = datetime.strptime(text, fmt)
        except ValueError:
            continue
        if fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%m/%d/%Y", "%Y%m%d"):
            naive = naive.replace(hour=23, minute=59, second=59)
        return naive.replace(tzinfo=tz)
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=tz)


def parse_amount(raw: str | None) -> int | None:
    """A fee amount (``"2.50"``, ``"2,50"``, ``"0"``, ``" 1.5"``) in cents; unreadable -> None."""
    if raw is None or not raw.strip():
        return None
    text = raw.strip().replace(",", ".")
    # plain decimal notation only: Decimal() also reads "1E999999", which takes seconds to
    # turn into cents or raises decimal.Overflow
    if not _AMOUNT.fullmatch(text):
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return int((value * 100).to_integral_value())


def format_amount(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d}"
