"""A stack of items on the RFID pad, as the session sees it.

Each tag on the pad is one :class:`PadTag`: which item it is part of, and for an item of several
parts (a box of three discs, each with its own tag) which part and how many there are. An item
is complete when a tag for each of its parts lies on the pad; only then is it lent or taken
back. Tags that cannot be read are counted, so the member can be told to scan those by barcode.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PadTag:
    uid: str
    #: the item's identifier, as the library system knows it; None: not a readable item tag
    item_id: str | None = None
    parts: int = 1
    part: int = 1
    #: why the tag cannot be used (``blank``, ``check_failed``, ``read_failed``, ...) or ""
    problem: str = ""
    #: a library tag that is not an item (a patron card, library equipment): ignored
    not_an_item: bool = False


@dataclass(frozen=True, slots=True)
class StackItem:
    item_id: str
    parts: int
    #: the parts whose tags are on the pad
    found: frozenset[int]
    uids: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return self.parts <= 1 or all(p in self.found for p in range(1, self.parts + 1))


def items_on(pad: dict[str, PadTag]) -> dict[str, StackItem]:
    """The pad's items in the order their first tag arrived."""
    grouped: dict[str, list[PadTag]] = {}
    for tag in pad.values():
        if tag.item_id is not None and not tag.not_an_item:
            grouped.setdefault(tag.item_id, []).append(tag)
    return {
        item: StackItem(
            item,
            max(t.parts for t in tags),
            frozenset(t.part for t in tags),
            tuple(t.uid for t in tags),
        )
        for item, tags in grouped.items()
    }


def unreadable(pad: dict[str, PadTag]) -> list[str]:
    """UIDs of tags on the pad that cannot be used."""
    return [t.uid for t in pad.values() if t.item_id is None and not t.not_an_item]
