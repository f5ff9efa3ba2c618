"""What a scanned or read code is: a pass card, an item, or neither; and card numbers from UIDs.

Libraries tell their pass cards from their item barcodes by prefix and length, and many print a
check digit. The rules are configuration (``CodeRules``); :func:`classify` applies them and never
raises: a code that fits no pattern, or fits one but fails its check digit, comes back with a
``problem`` a caller turns into a member's sentence ("this is not a library pass").

A contactless pass card has a UID, not a card number; :func:`card_number_from_uid` turns one into
the other by the library's rule (:class:`UidRule`): hexadecimal or decimal, byte order, the bytes
to use, a prefix and a fixed length.

Nothing here logs: codes may be card numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class CodeKind(StrEnum):
    CARD = "card"
    ITEM = "item"
    UNKNOWN = "unknown"


class CheckDigit(StrEnum):
    NONE = "none"
    #: Luhn (mod 10, doubling every second digit from the right), as on many library cards
    LUHN = "luhn"
    #: GS1 mod 10 (weights 3 and 1 from the right), as in EAN-13 and UPC
    GS1 = "gs1"


def luhn_ok(digits: str) -> bool:
    if not digits.isascii() or not digits.isdigit() or len(digits) < 2:
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def gs1_ok(digits: str) -> bool:
    if not digits.isascii() or not digits.isdigit() or len(digits) < 2:
        return False
    body, check = digits[:-1], int(digits[-1])
    total = sum(int(ch) * (3 if i % 2 == 0 else 1) for i, ch in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


_CHECKS = {CheckDigit.NONE: lambda _: True, CheckDigit.LUHN: luhn_ok, CheckDigit.GS1: gs1_ok}


class RuleError(ValueError):
    """A rule in the configuration that cannot work; ``key`` names the setting at fault."""

    def __init__(self, key: str, problem: str) -> None:
        super().__init__(f"{key}: {problem}")
        self.key, self.problem = key, problem


@dataclass(frozen=True, slots=True)
class CodePattern:
    """Prefixes (any of them; none = any), lengths (any of them; none = any), a check digit."""

    prefixes: tuple[str, ...] = ()
    lengths: tuple[int, ...] = ()
    check: CheckDigit = CheckDigit.NONE

    def fits(self, code: str) -> bool:
        if self.prefixes and not code.startswith(self.prefixes):
            return False
        return not self.lengths or len(code) in self.lengths

    def check_ok(self, code: str) -> bool:
        return _CHECKS[self.check](code)

    @classmethod
    def parse(cls, table: Mapping[str, Any], key: str) -> CodePattern:
        """From a config table ``{prefixes = [...], lengths = [...], check = "luhn"}``."""
        known = {"prefixes", "lengths", "check"}
        for name in table:
            if name not in known:
                raise RuleError(f"{key}.{name}", f"unknown setting (known: {sorted(known)})")
        prefixes = table.get("prefixes", [])
        if not isinstance(prefixes, list) or not all(isinstance(p, str) and p for p in prefixes):
            raise RuleError(f"{key}.prefixes", "must be a list of non-empty texts")
        lengths = table.get("lengths", [])
        if not isinstance(lengths, list) or not all(
            isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= 40 for n in lengths
        ):
            raise RuleError(f"{key}.lengths", "must be a list of whole numbers from 1 to 40")
        check = table.get("check", "none")
        try:
            digit = CheckDigit(check)
        except ValueError:
            choices = ", ".join(c.value for c in CheckDigit)
            raise RuleError(f"{key}.check", f"must be one of {choices}") from None
        return cls(tuple(prefixes), tuple(lengths), digit)


@dataclass(frozen=True, slots=True)
class Classified:
    kind: CodeKind
    code: str
    #: ``None``, ``check_digit`` (fits a pattern, the check digit is wrong: a misread or a
    #: typing error) or ``not_recognised`` (fits no pattern)
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


@dataclass(frozen=True, slots=True)
class CodeRules:
    """How this library's pass cards and item barcodes look. Cards are tried first."""

    card: CodePattern = CodePattern()
    item: CodePattern = CodePattern()
    #: a code that fits neither pattern is taken as an item (libraries with mixed old labels)
    unknown_is_item: bool = False


def classify(code: str, rules: CodeRules) -> Classified:
    """Card, item or neither, by the library's patterns; never raises.

    Cards are tried first; a code that fits the card pattern but fails its check digit is
    still tried as an item (patterns may overlap) before it is called a misread.
    """
    misread: Classified | None = None
    for kind, pattern in ((CodeKind.CARD, rules.card), (CodeKind.ITEM, rules.item)):
        if (pattern.prefixes or pattern.lengths) and pattern.fits(code):
            if pattern.check_ok(code):
                return Classified(kind, code)
            misread = misread or Classified(kind, code, "check_digit")
    if misread is not None:
        return misread
    if rules.unknown_is_item:
        return Classified(CodeKind.ITEM, code)
    return Classified(CodeKind.UNKNOWN, code, "not_recognised")


# ---------------------------------------------------------------- contactless UIDs


class UidEncoding(StrEnum):
    HEX = "hex"
    DECIMAL = "decimal"


@dataclass(frozen=True, slots=True)
class UidRule:
    """How a card's UID becomes the library card number.

    ``use_bytes``: only the first N bytes of the UID (e.g. 4 of a 7-byte UID); ``reverse``:
    least significant byte first (some systems wrote card numbers that way); ``encoding``:
    the bytes as upper-case hexadecimal or as one unsigned decimal number; ``length``: the
    number is left-padded with zeros to this many characters (after ``prefix``) and a longer one
    is an error; ``prefix``: put in front.
    """

    encoding: UidEncoding = UidEncoding.DECIMAL
    reverse: bool = False
    use_bytes: int | None = None
    prefix: str = ""
    length: int | None = None

    @classmethod
    def parse(cls, table: Mapping[str, Any], key: str) -> UidRule:
        known = {"encoding", "reverse", "use_bytes", "prefix", "length"}
        for name in table:
            if name not in known:
                raise RuleError(f"{key}.{name}", f"unknown setting (known: {sorted(known)})")
        try:
            encoding = UidEncoding(table.get("encoding", "decimal"))
        except ValueError:
            raise RuleError(f"{key}.encoding", "must be 'hex' or 'decimal'") from None
        reverse = table.get("reverse", False)
        if not isinstance(reverse, bool):
            raise RuleError(f"{key}.reverse", "must be true or false")
        use_bytes = table.get("use_bytes")
        if use_bytes is not None and (
            isinstance(use_bytes, bool)
            or not isinstance(use_bytes, int)
            or not 1 <= use_bytes <= 10
        ):
            raise RuleError(f"{key}.use_bytes", "must be a whole number from 1 to 10")
        prefix = table.get("prefix", "")
        if not isinstance(prefix, str) or not (prefix == "" or prefix.isalnum()):
            raise RuleError(f"{key}.prefix", "must be letters and digits")
        length = table.get("length")
        if length is not None and (
            isinstance(length, bool) or not isinstance(length, int) or not 1 <= length <= 40
        ):
            raise RuleError(f"{key}.length", "must be a whole number from 1 to 40")
        return cls(encoding, reverse, use_bytes, prefix, length)


class UidError(ValueError):
    """A UID the rule cannot turn into a card number (the text never contains the UID)."""


def card_number_from_uid(uid: bytes, rule: UidRule) -> str:
    if not uid:
        raise UidError("the card gave an empty UID")
    data = uid[: rule.use_bytes] if rule.use_bytes else uid
    if rule.use_bytes and len(uid) < rule.use_bytes:
        raise UidError(f"the UID has {len(uid)} bytes, the rule uses {rule.use_bytes}")
    if rule.reverse:
        data = data[::-1]
    number = data.hex().upper() if rule.encoding is UidEncoding.HEX else str(int.from_bytes(data))
    if rule.length is not None:
        if len(number) > rule.length:
            raise UidError(
                f"the number has {len(number)} characters, the rule allows {rule.length}"
            )
        number = number.zfill(rule.length)
    return rule.prefix + number
