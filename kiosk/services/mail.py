"""E-mailed receipts: the port a mail adapter implements, and the receipt as plain text.

The member's address is the one the library system has; the kiosk never shows it whole (P4),
never logs it (P5), and sends it only to the library's configured mail server (P7).
"""

from __future__ import annotations

from typing import Protocol

from hardware.ports import Receipt


class MailError(Exception):
    """The message was not sent; the text is for staff and names no member."""


class Mailer(Protocol):
    def send(self, to: str, subject: str, text: str) -> None:
        """Send a plain-text message, or raise :class:`MailError`."""
        ...


def receipt_text(receipt: Receipt, width: int = 48) -> str:
    """A receipt as the text of an e-mail: the same lines as on paper, two-column lines laid
    out with the second column right-aligned."""
    lines: list[str] = [*receipt.header]
    if receipt.printed_at is not None:
        lines.append(receipt.printed_at.strftime("%d-%m-%Y %H:%M"))
    lines.append("")
    for line in receipt.lines:
        left, _, right = line.text.partition("\t")
        if right:
            gap = max(2, width - len(left) - len(right))
            lines.append(f"{left}{' ' * gap}{right}")
        else:
            lines.append(left)
    if receipt.footer:
        lines.append("")
        lines.extend(receipt.footer)
    if receipt.qr:
        lines.append(receipt.qr)
    return "\n".join(lines) + "\n"
