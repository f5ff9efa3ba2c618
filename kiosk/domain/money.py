"""Money as whole cents with a currency: no floats anywhere near a fee."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


@dataclass(frozen=True, slots=True, order=True)
class Money:
    cents: int
    currency: str = "EUR"

    @classmethod
    def parse(cls, text: str, currency: str = "EUR") -> Money:
        """Parse ``"4.50"`` or ``"4,50"`` (Dutch decimal comma) into Money."""
        cleaned = text.strip().replace(",", ".")
        value = Decimal(cleaned).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        return cls(int(value * 100), currency)

    @classmethod
    def zero(cls, currency: str = "EUR") -> Money:
        return cls(0, currency)

    @property
    def amount(self) -> Decimal:
        return Decimal(self.cents) / 100

    def __add__(self, other: Money) -> Money:
        self._same_currency(other)
        return Money(self.cents + other.cents, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same_currency(other)
        return Money(self.cents - other.cents, self.currency)

    def _same_currency(self, other: Money) -> None:
        if other.currency != self.currency:
            raise ValueError(f"cannot combine {self.currency} and {other.currency}")

    def format(self) -> str:
        """``EUR 4.50`` style, locale-neutral (the UI formats per language)."""
        return f"{self.currency} {self.amount:.2f}"

    def __str__(self) -> str:
        return self.format()
