"""What in a session view is personal: the strings nobody may find in a log, a file or the UI
once the member has gone (PRIVACY.md P3, P5).

Used by the log scrubber (``kiosk.ops.logging``), which holds them while the session lasts, and
by the harness, which searches the whole UI for them after every session.
"""

from __future__ import annotations

from kiosk.domain.session import SessionView
from kiosk.domain.types import MemberName


def personal_strings(view: SessionView) -> set[str]:
    """The names, e-mail address and titles ``view`` holds of a member (not the card number:
    the view never has it; whoever reads the card adds it)."""
    name, summary = view.name, view.summary
    names: list[MemberName] = [name] if name is not None else []
    titles = [view.pending_item_title]
    titles += [line.title for line in view.checkouts]
    titles += [line.title for line in view.returns]
    titles += [line.title for line in view.renewals]
    found: set[str] = set()
    if summary is not None:
        names.append(summary.name)
        if summary.email:
            found.add(summary.email)
        titles += [loan.title for loan in summary.loans]
        titles += [hold.title for hold in summary.holds]
        titles += [fee.title or "" for fee in summary.fees]
        for account in summary.linked_accounts:
            names.append(account.name)
            titles += [loan.title for loan in account.loans]
    found.update(part for n in names for part in (n.given, n.family, n.preferred) if part)
    found.update(title for title in titles if title)
    return found
