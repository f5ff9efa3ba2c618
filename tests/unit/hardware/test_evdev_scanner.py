"""Keyboard-wedge scanners through evdev: key codes -> text per keymap, and the adapter's
device handling (open, exclusive grab, lost and found again) over a pipe that carries the
kernel's own ``input_event`` records."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hardware import evdev_scanner as ev
from hardware.evdev_scanner import (
    KEYMAPS,
    EvdevScanner,
    EvdevScannerSettings,
    InputDevice,
    KeyDecoder,
    key_events,
    pack_key,
    type_text,
)
from hardware.ports import CodeRead, Health

HEADER = Path("/usr/include/linux/input-event-codes.h")
WAIT = 5.0


def decode(data: bytes, decoder: KeyDecoder) -> list[str]:
    out = []
    for at, key, value in key_events(data):
        code = decoder.feed(at, key, value)
        if code is not None:
            out.append(code)
    return out


def keys(*codes: int, at: float = 0.0, shift: bool = False) -> bytes:
    out = bytearray()
    for code in codes:
        if shift:
            out += pack_key(at, ev.KEY_LEFTSHIFT, ev.KEY_PRESS)
        out += pack_key(at, code, ev.KEY_PRESS) + pack_key(at, code, ev.KEY_RELEASE)
        if shift:
            out += pack_key(at, ev.KEY_LEFTSHIFT, ev.KEY_RELEASE)
        at += 0.005
    return bytes(out)


# ---------------------------------------------------------------- the kernel's numbers
@pytest.mark.skipif(not HEADER.exists(), reason="no kernel headers (linux-libc-dev) here")
def test_key_codes_are_the_kernels() -> None:
    defined = dict(re.findall(r"#define\s+(KEY_\w+)\s+(\d+)\b", HEADER.read_text()))
    ours = {name: value for name, value in vars(ev).items() if name.startswith("KEY_")}
    ours = {n: v for n, v in ours.items() if n not in ("KEY_PRESS", "KEY_RELEASE", "KEY_REPEAT")}
    assert len(ours) > 25
    for name, value in ours.items():
        assert int(defined[name]) == value, name
    for first, row in ev._LETTER_ROWS:
        for offset, letter in enumerate(row):
            assert int(defined[f"KEY_{letter.upper()}"]) == first + offset
    for code, digit in ev._KEYPAD_DIGITS.items():
        assert int(defined[f"KEY_KP{digit}"]) == code


def test_the_grab_request_is_iow_e_0x90_int() -> None:
    assert ev.EVIOCGRAB == 0x40044590
    assert ev.EVENT.size == 24  # 64-bit Linux: timeval 16, type 2, code 2, value 4


# ---------------------------------------------------------------- keymaps
TYPEABLE = {
    name: "".join(
        sorted(
            {
                ch
                for plain, shifted, _ in km.keys.values()
                for ch in (plain, shifted)
                if len(ch) == 1 and ch not in "\x00"
            }
        )
    )
    for name, km in KEYMAPS.items()
}


@pytest.mark.parametrize("keymap", sorted(KEYMAPS))
@given(data=st.data())
def test_what_a_scanner_types_comes_back_as_typed(keymap: str, data: st.DataObject) -> None:
    text = data.draw(st.text(alphabet=TYPEABLE[keymap], min_size=1, max_size=40))
    if not text.strip():
        return
    decoder = KeyDecoder(KEYMAPS[keymap])
    assert decode(type_text(text, KEYMAPS[keymap]), decoder) == [text.strip()]


def test_the_same_keys_mean_other_signs_on_a_dutch_layout() -> None:
    typed = type_text("3100-0042/7", KEYMAPS["us"])
    assert decode(typed, KeyDecoder(KEYMAPS["us"])) == ["3100-0042/7"]
    # A scanner set to US feeding a kiosk that expects Dutch: - is /, / is -
    assert decode(typed, KeyDecoder(KEYMAPS["nl"])) == ["3100/0042-7"]
    dutch = type_text("3100-0042/7", KEYMAPS["nl"])
    assert dutch != typed
    assert decode(dutch, KeyDecoder(KEYMAPS["nl"])) == ["3100-0042/7"]


def test_dutch_shifted_digits_and_altgr() -> None:
    nl = KeyDecoder(KEYMAPS["nl"])
    shifted = keys(ev.KEY_1 + 1, ev.KEY_1 + 6, ev.KEY_0, shift=True) + keys(ev.KEY_ENTER)
    assert decode(shifted, nl) == ["\"_'"]
    altgr = (
        pack_key(0, ev.KEY_RIGHTALT, ev.KEY_PRESS)
        + keys(ev.KEY_E, ev.KEY_MINUS)
        + pack_key(0, ev.KEY_RIGHTALT, ev.KEY_RELEASE)
        + keys(ev.KEY_1, ev.KEY_ENTER)
    )
    assert decode(altgr, nl) == ["€\\1"]


def test_dutch_dead_keys_compose_or_stand_for_themselves() -> None:
    nl = KeyDecoder(KEYMAPS["nl"])
    diaeresis_e = keys(ev.KEY_LEFTBRACE, ev.KEY_E)
    acute_space = keys(ev.KEY_APOSTROPHE, ev.KEY_SPACE)
    assert decode(diaeresis_e + acute_space + keys(ev.KEY_1, ev.KEY_ENTER), nl) == ["ë´1"]
    # shifted: circumflex on a, grave on e
    circ_a = keys(ev.KEY_LEFTBRACE, shift=True) + keys(30)
    grave_e = keys(ev.KEY_APOSTROPHE, shift=True) + keys(ev.KEY_E)
    assert decode(circ_a + grave_e + keys(ev.KEY_ENTER), nl) == ["âè"]
    # a dead key before a letter it cannot sit on, and before another dead key
    assert decode(keys(ev.KEY_LEFTBRACE, ev.KEY_1, ev.KEY_ENTER), nl) == ["¨1"]
    assert decode(keys(ev.KEY_LEFTBRACE, ev.KEY_APOSTROPHE, 24, ev.KEY_ENTER), nl) == ["¨ó"]


def test_caps_lock_changes_letters_only() -> None:
    us = KeyDecoder(KEYMAPS["us"])
    data = keys(ev.KEY_CAPSLOCK, 30, ev.KEY_1) + keys(48, shift=True)
    data += keys(ev.KEY_CAPSLOCK, 46, ev.KEY_ENTER)
    assert decode(data, us) == ["A1bc"]


def test_keypad_digits_count_and_key_repeat_is_a_press() -> None:
    us = KeyDecoder(KEYMAPS["us"])
    data = keys(82, 79, ev.KEY_KPMINUS) + pack_key(0.1, 80, ev.KEY_PRESS)
    data += pack_key(0.1, 80, ev.KEY_REPEAT) + pack_key(0.1, 80, ev.KEY_RELEASE)
    assert decode(data + keys(ev.KEY_KPENTER, at=0.11), us) == ["01-22"]


def test_prefix_suffix_and_the_tab_terminator() -> None:
    decoder = KeyDecoder(KEYMAPS["us"], terminators=ev.TERMINATORS["tab"], prefix="]C1", suffix="!")
    data = type_text("]C13100000000003!", KEYMAPS["us"])[:-48]  # without its Enter
    assert decode(data + keys(ev.KEY_TAB, at=0.1), decoder) == ["3100000000003"]
    # Enter is not a terminator now: it is not text either, so the read is rejected
    rejected: list[str] = []
    decoder = KeyDecoder(
        KEYMAPS["us"], terminators=ev.TERMINATORS["tab"], on_reject=rejected.append
    )
    assert decode(type_text("12", KEYMAPS["us"]) + keys(ev.KEY_TAB, at=0.1), decoder) == []
    assert rejected == ["keys that mean nothing in the scanner's keymap"]


def test_a_pause_drops_the_partial_scan() -> None:
    rejected: list[str] = []
    decoder = KeyDecoder(KEYMAPS["us"], partial_timeout_s=0.5, on_reject=rejected.append)
    first = type_text("2100", KEYMAPS["us"], at=10.0)[:-48]
    second = type_text("3100000000003", KEYMAPS["us"], at=11.0)
    assert decode(first + second, decoder) == ["3100000000003"]
    assert len(rejected) == 1 and "partial" in rejected[0]
    # flush with no further key, as the adapter does on a quiet device
    decode(type_text("99", KEYMAPS["us"], at=20.0)[:-48], decoder)
    assert decoder.pending
    decoder.flush(20.3)
    assert decoder.pending
    decoder.flush(21.0)
    assert not decoder.pending and len(rejected) == 2


def test_garbage_is_rejected_and_the_next_scan_reads() -> None:
    rejected: list[str] = []
    decoder = KeyDecoder(KEYMAPS["us"], max_length=8, on_reject=rejected.append)
    long_run = type_text("1234567890123", KEYMAPS["us"])
    f_key = keys(ev.KEY_1, 59, ev.KEY_1 + 1, ev.KEY_ENTER)  # F1 inside a code
    ctrl = pack_key(0, ev.KEY_LEFTCTRL, ev.KEY_PRESS) + keys(ev.KEY_RIGHTBRACE)
    ctrl += pack_key(0, ev.KEY_LEFTCTRL, ev.KEY_RELEASE)  # Ctrl+] (a GS1 separator) in a code
    alt = pack_key(0, ev.KEY_LEFTALT, ev.KEY_PRESS) + keys(79, 80)  # Alt+keypad: a "code"
    alt += pack_key(0, ev.KEY_LEFTALT, ev.KEY_RELEASE)
    good = type_text("4567", KEYMAPS["us"])
    data = long_run + f_key + ctrl + good + alt + good + good + keys(ev.KEY_ENTER)
    assert decode(data, decoder) == ["4567", ""]
    assert [why.split()[0] for why in rejected] == ["longer", "keys", "keys", "keys"]


def test_keys_lost_by_the_kernel_reject_the_scan_and_forget_a_held_shift() -> None:
    rejected: list[str] = []
    decoder = KeyDecoder(KEYMAPS["us"], on_reject=rejected.append)
    dropped = ev.EVENT.pack(0, 0, ev.EV_SYN, ev.SYN_DROPPED, 0)
    shift_down = pack_key(0, ev.KEY_LEFTSHIFT, ev.KEY_PRESS)  # its release is among the lost
    data = shift_down + keys(30, 31) + dropped + type_text("2100", KEYMAPS["us"])
    assert decode(data, decoder) == ["2100"]  # not "2100" in capitals of a stuck Shift: digits
    assert rejected == ["the kernel dropped key events in the middle of a scan"]
    decoder2 = KeyDecoder(KEYMAPS["us"])
    assert decode(shift_down + dropped + type_text("ab", KEYMAPS["us"]), decoder2) == ["ab"]


def test_the_dutch_keymap_is_the_xkb_one() -> None:
    """Levels 1 and 2 of every key the nl keymap names, against xkb's own "nl" symbols."""
    symbols = Path("/usr/share/X11/xkb/symbols/nl")
    if not symbols.exists():
        pytest.skip("no xkb data here")
    text = symbols.read_text()
    basic = text[text.index('xkb_symbols "basic"') :]
    basic = basic[: basic.index("\n};")]
    names = {"AE02": 3, "AE06": 7, "AE07": 8, "AE08": 9, "AE09": 10, "AE10": 11}
    names |= {"AE11": 12, "AD11": 26, "AD12": 27, "AC10": 39, "AC11": 40, "TLDE": 41}
    names |= {"BKSL": 43, "AB08": 51, "AB09": 52, "AB10": 53, "LSGT": 86}
    keysyms = {"quotedbl": '"', "ampersand": "&", "underscore": "_", "parenleft": "("}
    keysyms |= {"parenright": ")", "apostrophe": "'", "slash": "/", "question": "?"}
    keysyms |= {"degree": "°", "dead_tilde": "\x00~", "dead_diaeresis": "\x00¨"}
    keysyms |= {"dead_circumflex": "\x00^", "asterisk": "*", "bar": "|", "plus": "+"}
    keysyms |= {"plusminus": "±", "dead_acute": "\x00´", "dead_grave": "\x00`", "at": "@"}
    keysyms |= {"section": "§", "less": "<", "greater": ">", "comma": ",", "semicolon": ";"}
    keysyms |= {"period": ".", "colon": ":", "minus": "-", "equal": "=", "bracketright": "]"}
    keysyms |= {"bracketleft": "[", "2": "2", "6": "6", "7": "7", "8": "8", "9": "9", "0": "0"}
    nl = KEYMAPS["nl"].keys
    for name, code in names.items():
        found = re.search(rf"key <{name}>\s*{{\s*\[\s*([^,\]]+),\s*([^,\]]+)", basic)
        assert found, name
        plain, shifted = (keysyms[found.group(i).strip()] for i in (1, 2))
        assert nl[code][:2] == (plain, shifted), name


def test_half_events_wait_for_the_rest() -> None:
    data = type_text("42", KEYMAPS["us"])
    assert len(list(key_events(data[:30]))) == 1
    assert len(list(key_events(data))) == 6


# ---------------------------------------------------------------- finding devices
def _bitmap(codes: set[int], words: int = 6) -> str:
    value = sum(1 << c for c in codes)
    parts = [(value >> (64 * i)) & (2**64 - 1) for i in reversed(range(words))]
    text = " ".join(f"{p:x}" for p in parts)
    return re.sub(r"^(0 )+", "", text)


def test_input_devices_reads_names_links_and_keyboard_keys(tmp_path: Path) -> None:
    sysfs, dev = tmp_path / "sys", tmp_path / "dev"
    keyboard = {ev.KEY_ENTER, *range(ev.KEY_1, ev.KEY_0 + 1), ev.KEY_LEFTSHIFT}
    mouse = {272, 273, 274}
    for number, name, caps in ((0, "Power Button", {116}), (3, "Mouse", mouse)):
        (sysfs / f"event{number}" / "device" / "capabilities").mkdir(parents=True)
        (sysfs / f"event{number}" / "device" / "name").write_text(name + "\n")
        (sysfs / f"event{number}" / "device" / "capabilities" / "key").write_text(_bitmap(caps))
    (sysfs / "event12" / "device" / "capabilities").mkdir(parents=True)
    (sysfs / "event12" / "device" / "name").write_text("Datalogic Scanner Keyboard\n")
    (sysfs / "event12" / "device" / "capabilities" / "key").write_text(_bitmap(keyboard))
    (dev / "by-id").mkdir(parents=True)
    (dev / "event12").touch()
    (dev / "by-id" / "usb-Datalogic-event-kbd").symlink_to(dev / "event12")

    found = ev.input_devices(sysfs, dev)
    assert [d.path for d in found] == [str(dev / f"event{n}") for n in (0, 3, 12)]
    assert [d.keyboard for d in found] == [False, False, True]
    assert found[2].name == "Datalogic Scanner Keyboard"
    assert found[2].links == (str(dev / "by-id" / "usb-Datalogic-event-kbd"),)
    assert ev.input_devices(tmp_path / "nowhere", dev) == []


# ---------------------------------------------------------------- the adapter over a pipe
class Pipes:
    """Event nodes made of pipes: ``open`` hands out the read end of a fresh pipe."""

    def __init__(self) -> None:
        self.writers: list[int] = []
        self.readers: list[int] = []
        self.grabbed: list[int] = []
        self.fail: OSError | None = None
        self.opened = threading.Event()

    def open(self, path: str) -> int:
        if self.fail is not None:
            raise self.fail
        r, w = os.pipe()
        os.set_blocking(r, False)
        self.readers.append(r)
        self.writers.append(w)
        self.opened.set()
        return r

    def take(self, fd: int) -> None:
        self.grabbed.append(fd)

    def close_all(self) -> None:
        for fd in self.writers:
            with contextlib.suppress(OSError):
                os.close(fd)


def wait_for(predicate, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.01)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def pipes() -> Pipes:
    made = Pipes()
    yield made
    made.close_all()


def scanner(pipes: Pipes, **settings: object) -> EvdevScanner:
    config = EvdevScannerSettings(
        **{"device": "/dev/input/by-id/usb-Scanner-event-kbd", "reopen_s": 0.05, **settings}
    )
    return EvdevScanner(config, open_device=pipes.open, take=pipes.take)


def test_codes_arrive_from_the_grabbed_node_and_the_device_is_found_again(pipes: Pipes) -> None:
    seen: list[CodeRead] = []
    adapter = scanner(pipes, keymap="nl")
    adapter.start(seen.append)
    try:
        wait_for(lambda: adapter.health().state is Health.OK, "the scanner to open")
        assert pipes.grabbed == pipes.readers[:1]
        os.write(pipes.writers[0], type_text("2100012345678", KEYMAPS["nl"]))
        wait_for(lambda: len(seen) == 1, "the first code")
        assert seen[0].code == "2100012345678"
        assert seen[0].source == "/dev/input/by-id/usb-Scanner-event-kbd"

        # unplugged in the middle of a scan: that read is rejected, staff are told
        os.write(pipes.writers[0], type_text("31", KEYMAPS["nl"])[:-48])
        time.sleep(0.1)
        pipes.fail = OSError(errno.ENOENT, "gone")
        os.close(pipes.writers.pop(0))
        wait_for(lambda: adapter.health().state is Health.FAILED, "the loss to be seen")
        assert "is not connected" in adapter.health().reason
        assert adapter.rejected == 1

        pipes.opened.clear()
        pipes.fail = None  # plugged back
        wait_for(lambda: adapter.health().state is Health.OK, "the scanner to be back")
        os.write(pipes.writers[-1], type_text("3100000000003", KEYMAPS["nl"]))
        wait_for(lambda: len(seen) == 2, "a code after the replug")
        assert seen[1].code == "3100000000003"
    finally:
        adapter.stop()
    assert adapter.health().reason == "Stopped"


def test_a_quiet_partial_scan_is_rejected_without_further_keys(pipes: Pipes) -> None:
    seen: list[CodeRead] = []
    adapter = scanner(pipes, partial_timeout_s=0.3)
    adapter.start(seen.append)
    try:
        wait_for(lambda: adapter.health().state is Health.OK, "the scanner to open")
        os.write(pipes.writers[0], type_text("2100", KEYMAPS["us"], at=time.time())[:-48])
        wait_for(lambda: adapter.rejected == 1, "the partial scan to be dropped")
        os.write(pipes.writers[0], type_text("42", KEYMAPS["us"], at=time.time()))
        wait_for(lambda: len(seen) == 1, "the next code")
        assert seen[0].code == "42"
    finally:
        adapter.stop()


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (OSError(errno.EACCES, "denied"), "no permission to read it"),
        (OSError(errno.ENOENT, "absent"), "is not connected"),
    ],
)
def test_a_node_that_cannot_be_opened_is_reported(
    pipes: Pipes, error: OSError, reason: str
) -> None:
    pipes.fail = error
    adapter = scanner(pipes)
    adapter.start(lambda code: None)
    try:
        wait_for(lambda: adapter.health().state is Health.FAILED, "the failure")
        assert reason in adapter.health().reason
        assert "usb-Scanner-event-kbd" in adapter.health().reason
    finally:
        adapter.stop()


def test_a_scanner_another_program_has_grabbed_is_reported_and_not_read(pipes: Pipes) -> None:
    def busy(fd: int) -> None:
        raise OSError(errno.EBUSY, "busy")

    config = EvdevScannerSettings(device="/dev/input/event7", reopen_s=0.05)
    adapter = EvdevScanner(config, open_device=pipes.open, take=busy)
    adapter.start(lambda code: None)
    try:
        wait_for(lambda: adapter.health().state is Health.FAILED, "the failure")
        assert "taken by another program" in adapter.health().reason
        wait_for(lambda: len(pipes.readers) >= 2, "a second try")
        with pytest.raises(BrokenPipeError):  # the node was closed again, not leaked
            os.write(pipes.writers[0], b"x")
    finally:
        adapter.stop()


def test_the_real_grab_is_an_ioctl_that_a_non_device_refuses(pipes: Pipes) -> None:
    config = EvdevScannerSettings(device="/dev/input/event7", reopen_s=0.05)
    adapter = EvdevScanner(config, open_device=pipes.open)  # the real EVIOCGRAB
    adapter.start(lambda code: None)
    try:
        wait_for(lambda: adapter.health().state is Health.FAILED, "the failure")
        assert "cannot be taken for the kiosk alone" in adapter.health().reason
    finally:
        adapter.stop()


def test_the_device_is_found_by_name(pipes: Pipes) -> None:
    listed = [
        InputDevice("/dev/input/event2", "AT Translated Set 2 keyboard", (), True),
        # the scanner's namesake without keyboard keys comes first: it must not be taken
        InputDevice("/dev/input/event8", "Honeywell Imaging Scanner Consumer Control", (), False),
        InputDevice("/dev/input/event9", "Honeywell Imaging Scanner", (), True),
    ]
    opened: list[str] = []

    def open_device(path: str) -> int:
        opened.append(path)
        return pipes.open(path)

    config = EvdevScannerSettings(name="(?i)honeywell", reopen_s=0.05)
    adapter = EvdevScanner(config, devices=lambda: listed, open_device=open_device, take=pipes.take)
    adapter.start(lambda code: None)
    try:
        wait_for(lambda: adapter.health().state is Health.OK, "the scanner to open")
        assert opened == ["/dev/input/event9"]
    finally:
        adapter.stop()

    none = EvdevScanner(
        EvdevScannerSettings(name="Zebra", reopen_s=0.05),
        devices=lambda: listed,
        open_device=open_device,
        take=pipes.take,
    )
    none.start(lambda code: None)
    try:
        wait_for(lambda: none.health().state is Health.FAILED, "the failure")
        assert none.health().reason == (
            "The barcode scanner (the device named like 'Zebra') is not connected"
        )
    finally:
        none.stop()


@pytest.mark.parametrize(
    ("settings", "problem"),
    [
        ({}, "a device path or a name pattern"),
        ({"device": "/dev/input/event1", "keymap": "de"}, "keymap"),
        ({"device": "/dev/input/event1", "terminator": "space"}, "terminator"),
        ({"device": "/dev/input/event1", "max_length": 0}, "max_length"),
    ],
)
def test_wrong_settings_are_refused_at_once(settings: dict[str, object], problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        EvdevScanner(EvdevScannerSettings(**settings))  # type: ignore[arg-type]
