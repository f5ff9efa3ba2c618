"""A Dutch public library's lending policy as starting data (../shared/DOMAIN-NL.md).

Every value is data in the database afterwards; a library edits it there (or imports its own),
not in code. Two branches of one library: Dalfsen (DAL) and Nieuwleusen (NLE).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from kiosk.domain.types import MaterialKind
from kiosk.ils.embedded.models import Branch, LoanRule, MemberCategory, Setting

BRANCHES = (
    ("DAL", "Bibliotheek Dalfsen", "CL02", "CL03"),
    ("NLE", "Bibliotheek Nieuwleusen", "CL02", "CL03"),
)

# code, name, max_loans, fee_block_cents, max_overdue, max_pin_attempts, period factor, youth
CATEGORIES = (
    ("JEUGD", "Jeugd (0-17)", 10, 1000, 5, 3, 1, True),
    ("START", "Start (18-30)", 15, 1000, 5, 3, 1, False),
    ("BASIS", "Basis", 10, 1000, 5, 3, 1, False),
    ("COMPLEET", "Compleet", 20, 1000, 5, 3, 1, False),
    ("GROOT", "Groot (dubbele uitleentermijn)", 30, 1000, 5, 3, 2, False),
)

# material, category (None = all), loan days, max renewals, rental, fine/day, fine cap
LOAN_RULES: tuple[tuple[MaterialKind, str | None, int, int, int, int, int], ...] = (
    (MaterialKind.BOOK, None, 21, 2, 0, 25, 500),
    (MaterialKind.LARGE_PRINT, None, 21, 2, 0, 25, 500),
    (MaterialKind.COMIC, None, 21, 2, 0, 25, 500),
    (MaterialKind.AUDIOBOOK, None, 21, 2, 0, 25, 500),
    (MaterialKind.LANGUAGE_COURSE, None, 21, 2, 0, 25, 500),
    (MaterialKind.MAGAZINE, None, 21, 1, 0, 15, 300),
    (MaterialKind.YOUTH_BOOK, None, 21, 2, 0, 15, 300),
    (MaterialKind.PICTURE_BOOK, None, 21, 2, 0, 15, 300),
    # No late fees on children's books for children (several Dutch libraries since 2023).
    (MaterialKind.YOUTH_BOOK, "JEUGD", 21, 2, 0, 0, 0),
    (MaterialKind.PICTURE_BOOK, "JEUGD", 21, 2, 0, 0, 0),
    (MaterialKind.CD, None, 7, 1, 150, 25, 500),
    (MaterialKind.DVD, None, 7, 1, 450, 50, 1000),
    (MaterialKind.GAME, None, 7, 1, 0, 50, 1000),
    (MaterialKind.OTHER, None, 21, 1, 0, 25, 500),
)

SETTINGS = {
    "timezone": "Europe/Amsterdam",
    # Loan history of members who opted in is kept this long; others are anonymised at return.
    "history_retention_days": "730",
    # Settled fees and finished holds are deleted after this many days.
    "fee_retention_days": "365",
    "hold_retention_days": "30",
    # Days a ready hold waits on the hold shelf.
    "hold_shelf_days": "7",
    # Items whose home is another branch go back there on return (else they float).
    "floating_collection": "false",
    # Items with attachments go to the desk on return so staff check every part.
    "attachments_to_desk": "true",
}


def install_default_policy(session: Session) -> None:
    """Add branches, member categories, loan rules and settings that are not there yet."""
    for code, name, hold_bin, transit_bin in BRANCHES:
        if session.get(Branch, code) is None:
            session.add(
                Branch(code=code, name=name, hold_shelf_bin=hold_bin, transit_bin=transit_bin)
            )
    for code, name, max_loans, fee_block, max_overdue, attempts, factor, youth in CATEGORIES:
        if session.get(MemberCategory, code) is None:
            session.add(
                MemberCategory(
                    code=code,
                    name=name,
                    max_loans=max_loans,
                    fee_block_cents=fee_block,
                    max_overdue=max_overdue,
                    max_pin_attempts=attempts,
                    loan_period_factor=factor,
                    youth=youth,
                )
            )
    session.flush()
    existing = {(r.material, r.category) for r in session.query(LoanRule).all()}
    for material, category, days, renewals, rental, fine, cap in LOAN_RULES:
        if (material.value, category) not in existing:
            session.add(
                LoanRule(
                    material=material.value,
                    category=category,
                    loan_days=days,
                    max_renewals=renewals,
                    rental_cents=rental,
                    fine_per_day_cents=fine,
                    fine_cap_cents=cap,
                )
            )
    for key, value in SETTINGS.items():
        if session.get(Setting, key) is None:
            session.add(Setting(key=key, value=value))
    session.flush()
