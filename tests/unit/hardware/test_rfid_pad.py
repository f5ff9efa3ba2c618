"""The pad watcher (``hardware.rfid.PadWatcher``) on the fake reader: each tag read once and
decoded, a tag read again while it cannot be read yet, a tag that drops out of one look kept,
a failed write taking the tag off the stack at once, and a failed reader forgetting nothing."""

from __future__ import annotations

from hardware.fakes import FakeTagReader, item_tag
from hardware.iso28560 import AFI_ON_LOAN
from hardware.ports import RfidTag, TagGone
from hardware.rfid import PadWatcher


def _pad(**kw: object) -> tuple[PadWatcher, FakeTagReader, list[tuple[RfidTag, ...]]]:
    reader = FakeTagReader()
    pad = PadWatcher(reader, poll_s=None, **kw)  # type: ignore[arg-type]
    seen: list[tuple[RfidTag, ...]] = []
    pad.start(seen.append)
    return pad, reader, seen


def test_a_stack_is_read_and_decoded_once() -> None:
    pad, reader, seen = _pad()
    reader.place(item_tag("E1", "3100000000003"), item_tag("E2", "3100000000004", parts=2))
    stack = pad.poll()
    assert stack is not None and [t.data.item_id for t in stack if t.data] == [
        "3100000000003",
        "3100000000004",
    ]
    assert stack[1].data is not None and stack[1].data.parts == 2
    assert pad.poll() is None and len(seen) == 1  # nothing changed, nothing said


def test_a_tag_that_cannot_be_read_yet_is_read_at_a_later_look() -> None:
    pad, reader, _ = _pad()
    reader.place(item_tag("E1", "3100000000003", failing_reads=1))
    first = pad.poll()
    assert first is not None and first[0].problem == "read_failed"
    second = pad.poll()
    assert second is not None and second[0].data is not None and second[0].problem == ""


def test_a_tag_that_never_reads_is_given_up_on() -> None:
    pad, reader, _ = _pad(read_attempts=2)
    reader.place(item_tag("E1", "3100000000003", failing_reads=99))
    assert pad.poll() is not None
    assert pad.poll() is None  # the second attempt failed the same way
    assert pad.poll() is None  # and there is no third
    assert reader.tags["E1"].failing_reads == 97


def test_a_tag_missing_from_one_look_stays_on_the_stack() -> None:
    pad, reader, seen = _pad(misses=2)
    tag = item_tag("E1", "3100000000003")
    reader.place(tag)
    pad.poll()
    reader.lift("E1")
    assert pad.poll() is None  # one look without it: a flicker
    reader.place(tag)
    assert pad.poll() is None and len(seen) == 1
    reader.lift("E1")
    pad.poll()
    assert pad.poll() == ()  # two looks in a row: gone


def test_a_write_to_a_lifted_tag_takes_it_off_the_stack_at_once() -> None:
    pad, reader, seen = _pad(misses=5)
    tag = item_tag("E1", "3100000000003")
    reader.place(tag)
    pad.poll()
    reader.lift_on_write.add("E1")
    try:
        pad.set_secured("E1", False)
    except TagGone:
        pass
    else:  # pragma: no cover - the fake lifts it
        raise AssertionError("the write went through")
    assert seen[-1] == ()  # reported gone without waiting for five looks
    reader.place(tag)
    back = pad.poll()
    assert back is not None and [t.uid for t in back] == ["E1"]  # and back: said so
    pad.set_secured("E1", False)
    assert tag.afi == AFI_ON_LOAN


def test_a_failed_reader_keeps_the_stack_and_says_so() -> None:
    pad, reader, seen = _pad()
    reader.place(item_tag("E1", "3100000000003"))
    pad.poll()
    reader.unplug()
    assert pad.poll() is None and len(seen) == 1
    assert pad.health().condition == "offline"
