"""Barcodes and card numbers, validated and normalised in one place (UX rule 8).

Scanners add whitespace, control characters and sometimes keyboard-layout garbage; members
type with spaces. A code is accepted only when, after normalisation, it is 1-40 printable
characters from a conservative set. Anything else is an explicit rejection, never an exception.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_LENGTH = 40
_ALLOWED = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-.]*$")


@dataclass(frozen=True, slots=True)
class Normalized:
    value: str | None
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.value is not None


def normalize_code(raw: str) -> Normalized:
    """Strip what scanners and keypads add and check the rest.

    ``problem`` is one of ``empty``, ``too_long``, ``bad_characters`` for the caller's
    reason code; it never contains the input (which may be a card number).
    """
    text = unicodedata.normalize("NFKC", raw)
    text = "".join(ch for ch in text if not unicodedata.category(ch).startswith("C"))
    text = "".join(text.split())
    if not text:
        return Normalized(None, "empty")
    if len(text) > MAX_LENGTH:
        return Normalized(None, "too_long")
    if not _ALLOWED.match(text):
        return Normalized(None, "bad_characters")
    return Normalized(text.upper())
