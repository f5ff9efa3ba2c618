"""Library Kiosk's own SIP2 extension fields, sent by ``kiosk sip2-server``.

Standard SIP2 cannot say why a PIN was refused, how many attempts are left, which branch a
returned item travels to, or give the author of a loan. Our server adds these as extension
fields (the ``Z`` range, which no system we know uses); other clients ignore them, as SIP2
requires, and our client reads them only under the ``kiosk`` profile. Every other profile
works from the standard fields alone.

| tag | in | value |
| --- | --- | --- |
| ZR | every response | the kiosk reason code (``kiosk.domain.reasons.Reason``) |
| ZP | every response | the reason's parameters, packed |
| ZG | 24, 64 | the name's parts, packed (given, family, preferred) |
| ZB | 24, 64 | blocking reasons, comma separated |
| ZM | 64 | the member's loan limit |
| ZL | 64 (repeated, with AU) | one loan, packed |
| ZH | 64 (repeated, with AS/CD) | one hold, packed |
| ZF | 64 (repeated, with AV) | one fee, packed |
| ZD | 10, 12, 18, 38, 66 | details of the transaction or item, packed |
| ZV | 64 (repeated, first page of AU) | a linked (family) account the member may see, by consent |
| ZW | 64 (repeated, with ZV) | one loan of a linked account, packed, ``v`` = its ZV's ``n`` |

Packed: ``key=value`` pairs joined by ``;``, with ``%``, ``;``, ``=``, ``|`` and control
characters percent-encoded.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import quote, unquote

REASON = "ZR"
PARAMS = "ZP"
NAME = "ZG"
BLOCKS = "ZB"
MAX_LOANS = "ZM"
LOAN = "ZL"
HOLD = "ZH"
FEE = "ZF"
DETAIL = "ZD"
LINKED = "ZV"
LINKED_LOAN = "ZW"

_SAFE = " !\"#$&'()*+,-./:<>?@[\\]^_`{}~"


def pack(values: Mapping[str, object]) -> str:
    """``{"a": "x;y", "b": 2}`` -> ``"a=x%3By;b=2"``; ``None`` values are left out."""
    return ";".join(f"{k}={quote(str(v), safe=_SAFE)}" for k, v in values.items() if v is not None)


def unpack(text: str) -> dict[str, str]:
    """The inverse of :func:`pack`; tolerant of empty text and pairs without ``=``."""
    out: dict[str, str] = {}
    for part in text.split(";"):
        if not part:
            continue
        key, _, value = part.partition("=")
        out[unquote(key)] = unquote(value)
    return out
