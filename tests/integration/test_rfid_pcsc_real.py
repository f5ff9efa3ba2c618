"""The PC/SC ISO 15693 adapter on the real stack: pcscd, the vpcd driver, and a field of virtual
ISO 15693 tags (``hardware.vpcd_tag``) behind the virtual reader.

A stack of library tags is found by the adapter's anticollision through transparent exchange,
each tag's system information and memory are read and decoded as ISO 28560, the AFI and the
EAS bit are written, a tag lifted before its write is reported gone, and a reader without
transparent exchange still gives the one tag it shows. Under ``CI`` a missing pcscd or vpcd
fails the run; elsewhere it skips.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from hardware.iso28560 import (
    AFI_IN_LIBRARY,
    AFI_ON_LOAN,
    TagData,
    decode,
    encode_part2,
    encode_part3,
)
from hardware.ports import TagGone
from hardware.rfid import PadWatcher, Security, SecurityFlag

READER = r"^Virtual PCD 00 00"
WAIT = 10.0
ISIL = "NL-0400090000"


def _tag(uid: str, item: str, **kw: Any) -> Any:
    from hardware.vpcd_tag import VirtualTag

    return VirtualTag.holding(uid, encode_part3(TagData(item, ISIL)), **kw)


@pytest.fixture
def field(pcscd: Any) -> Iterator[Any]:
    from hardware.vpcd_tag import VirtualTagReader

    virtual = VirtualTagReader()
    try:
        yield virtual
    finally:
        virtual.close()


@pytest.fixture
def reader(pcscd: Any) -> Iterator[Any]:
    from hardware.pcsc_rfid import PcscTagReader

    adapter = PcscTagReader(READER)
    try:
        yield adapter
    finally:
        adapter.close()


def _until(condition: Any) -> Any:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    return condition()


def test_a_stack_is_found_read_and_decoded_through_pcscd(field: Any, reader: Any) -> None:
    uids = ["E004015000000A01", "E004015000000A02", "E004015000000B03", "E0040150FFFFFF04"]
    items = ["3100000000003", "3100000000004", "3100000000005", "3100000000014"]
    field.place(*(_tag(u, i) for u, i in zip(uids, items, strict=True)))
    found = _until(lambda: len(reader.inventory()) == 4 and reader.inventory())
    assert sorted(found) == sorted(uids)
    assert reader.transparent is True
    # Anticollision: more than one inventory went over the air for four tags.
    assert sum(1 for f in field.field.frames if f[1] == 0x01) > 4
    for uid, item in zip(uids, items, strict=True):
        memory = reader.read(uid)
        assert memory.afi == AFI_IN_LIBRARY and memory.eas is None  # AFI mode: not asked
        assert decode(memory.data, memory.dsfid) == TagData(item, ISIL)


def test_the_pad_switches_afi_and_eas_and_a_lifted_tag_is_gone(field: Any, reader: Any) -> None:
    from hardware.vpcd_tag import VirtualTag

    first = _tag("E004015000000C01", "3100000000003")
    second = _tag("E004015000000C02", "3100000000004", lift_on_write=True)
    third = VirtualTag.holding(
        "E004015000000C03",
        encode_part2(TagData("3100000000005", ISIL, usage=0x10)),
        dsfid=0x06,
    )
    field.place(first, second, third)
    _until(lambda: len(reader.inventory()) == 3)
    pad = PadWatcher(reader, poll_s=None)
    stack = pad.poll()
    assert stack is not None and {t.data.item_id for t in stack if t.data} == {
        "3100000000003",
        "3100000000004",
        "3100000000005",
    }
    pad.set_secured(first.uid.hex().upper(), False)
    assert first.afi == AFI_ON_LOAN
    with pytest.raises(TagGone):
        pad.set_secured(second.uid.hex().upper(), False)  # lifted as the write went out
    assert second.afi == AFI_IN_LIBRARY
    eas = PadWatcher(reader, security=Security(SecurityFlag.EAS), poll_s=None)
    eas.set_secured(third.uid.hex().upper(), False)
    assert third.eas is False
    from hardware.pcsc_rfid import PcscTagReader

    eas_reader = PcscTagReader(READER, eas=True)  # EAS is looked at only where it is used
    try:
        assert eas_reader.read(third.uid.hex().upper()).eas is False
        assert eas_reader.read(first.uid.hex().upper()).eas is True
    finally:
        eas_reader.close()


def test_a_reader_without_transparent_exchange_gives_its_one_tag(pcscd: Any) -> None:
    from hardware.pcsc_rfid import PcscRfidError, PcscTagReader
    from hardware.vpcd_tag import VirtualTagReader

    virtual = VirtualTagReader(transparent=False)
    adapter = PcscTagReader(READER)
    try:
        tag = _tag("E004015000000D01", "3100000000003")
        virtual.place(tag)
        assert _until(lambda: adapter.inventory()) == ["E004015000000D01"]
        assert adapter.transparent is False
        memory = adapter.read("E004015000000D01")
        assert decode(memory.data) == TagData("3100000000003", ISIL)
        with pytest.raises(PcscRfidError, match="cannot write"):
            adapter.write_afi("E004015000000D01", AFI_ON_LOAN)
    finally:
        adapter.close()
        virtual.close()


def test_an_empty_field_and_a_missing_reader_are_told_apart(pcscd: Any) -> None:
    from hardware.pcsc_rfid import PcscRfidError, PcscTagReader

    empty = PcscTagReader(READER)
    missing = PcscTagReader(r"^No such reader")
    try:
        assert empty.inventory() == []
        assert empty.health().state.value == "ok"
        with pytest.raises(PcscRfidError, match="not connected"):
            missing.inventory()
        assert missing.health().state.value == "failed"
    finally:
        empty.close()
        missing.close()
