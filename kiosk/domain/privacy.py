"""What personal data may be shown or printed at a public screen (PRIVACY.md P1, P4)."""

from __future__ import annotations

from enum import StrEnum

from kiosk.domain.types import MemberName


class GreetingStyle(StrEnum):
    FIRST_NAME = "first_name"
    INITIALS = "initials"
    NONE = "none"


def greeting_name(name: MemberName | None, style: GreetingStyle) -> str:
    """The least that greets a member: preferred or given name, initials, or nothing (P1)."""
    if name is None or style is GreetingStyle.NONE:
        return ""
    first = (name.preferred or name.given).strip()
    if style is GreetingStyle.FIRST_NAME:
        return first
    parts = [p for p in (first, name.family.strip()) if p]
    # Dutch family names carry particles ("van der Berg"): the initial is of the main part.
    initials = []
    for part in parts:
        words = [w for w in part.split() if w[:1].isupper()] or part.split()
        initials.append(words[0][0].upper() + ".")
    return " ".join(initials)


def mask_card_number(card_number: str, visible: int = 4) -> str:
    """``2050001234567`` -> ``*********4567``; short numbers keep at most half visible."""
    visible = min(visible, len(card_number) // 2)
    if visible <= 0:
        return "*" * len(card_number)
    return "*" * (len(card_number) - visible) + card_number[-visible:]


def mask_email(address: str) -> str:
    """``jan.jansen@example.nl`` -> ``j***@example.nl`` (P4)."""
    local, sep, domain = address.partition("@")
    if not sep or not local:
        return "***"
    return f"{local[0]}***@{domain}"
