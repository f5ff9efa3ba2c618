"""Keyboard-wedge (USB HID) barcode scanners read straight from the Linux input layer (evdev).

A scanner in keyboard mode is a keyboard to the computer: left alone its keystrokes go to
whatever has the focus (the kiosk window, a console, a terminal someone left open). This adapter
opens the scanner's ``/dev/input/eventN`` node and takes an exclusive grab (``EVIOCGRAB``), so
its keystrokes reach this adapter and nothing else on the machine; it then turns key codes into
text through the keymap the scanner is programmed for (``us`` or ``nl``), the way the console
would, and hands each code on when the terminating key comes.

What a scanner types depends on the keyboard layout it assumes: the same key code is ``-`` on a
US layout and ``/`` on a Dutch one, so the keymap must be the scanner's, not the kiosk's. The
Dutch layout has dead keys (diaeresis, circumflex, acute, grave and tilde): a dead key followed
by a letter gives the accented letter, followed by a space the accent itself.

The device is chosen by path (best a stable ``/dev/input/by-id/...-event-kbd`` link) or by a
regular expression on its name (``/sys/class/input/eventN/device/name``). A scanner that is
unplugged, or taken by another program, is reported for staff and picked up again when it is
back. Garbage is rejected, never a crash: an over-long run without a terminator, a partial scan
(a pause of more than ``partial_timeout_s`` between keys, measured on the kernel's own event
times), and keys with no meaning in the keymap are counted in ``rejected``.

This is Linux only, and needs read access to the event node (the ``input`` group, or the udev
rule the Debian package installs). Nothing here logs the text of a code.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import logging
import os
import re
import select
import struct
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hardware.ports import CodeRead, Health
from hardware.reading import READ_TIMEOUT_S, ReadingThread
from hardware.serial_scanner import clean_code

log = logging.getLogger("hardware.evdev_scanner")

# ---------------------------------------------------------------- the kernel's interface
#: ``struct input_event`` as this machine's kernel writes it: a timeval, type, code, value
EVENT = struct.Struct("@llHHi")
EV_SYN, EV_KEY = 0x00, 0x01
SYN_REPORT, SYN_DROPPED = 0, 3
#: what ``key_events`` yields for a SYN_DROPPED: the kernel lost events for this reader
DROPPED = -1
KEY_RELEASE, KEY_PRESS, KEY_REPEAT = 0, 1, 2
#: ``_IOW('E', 0x90, int)``: take (1) or release (0) the device for this file alone
EVIOCGRAB = (1 << 30) | (struct.calcsize("i") << 16) | (ord("E") << 8) | 0x90

# Key codes (linux/input-event-codes.h)
KEY_1, KEY_0 = 2, 11
KEY_MINUS, KEY_EQUAL, KEY_BACKSPACE, KEY_TAB = 12, 13, 14, 15
KEY_LEFTBRACE, KEY_RIGHTBRACE, KEY_ENTER, KEY_LEFTCTRL = 26, 27, 28, 29
KEY_SEMICOLON, KEY_APOSTROPHE, KEY_GRAVE, KEY_LEFTSHIFT, KEY_BACKSLASH = 39, 40, 41, 42, 43
KEY_COMMA, KEY_DOT, KEY_SLASH, KEY_RIGHTSHIFT, KEY_KPASTERISK = 51, 52, 53, 54, 55
KEY_LEFTALT, KEY_SPACE, KEY_CAPSLOCK = 56, 57, 58
KEY_E = 18
KEY_KPMINUS, KEY_KPPLUS, KEY_KPDOT = 74, 78, 83
KEY_102ND, KEY_KPENTER, KEY_RIGHTCTRL, KEY_KPSLASH, KEY_RIGHTALT = 86, 96, 97, 98, 100
_LETTER_ROWS = ((16, "qwertyuiop"), (30, "asdfghjkl"), (44, "zxcvbnm"))
_KEYPAD_DIGITS = {71: "7", 72: "8", 73: "9", 75: "4", 76: "5", 77: "6", 79: "1", 80: "2"}
_KEYPAD_DIGITS |= {81: "3", 82: "0"}
_KEYPAD_SIGNS = {KEY_KPMINUS: "-", KEY_KPPLUS: "+", KEY_KPDOT: ".", KEY_KPASTERISK: "*"}
_KEYPAD_SIGNS |= {KEY_KPSLASH: "/"}
_SHIFTS = frozenset({KEY_LEFTSHIFT, KEY_RIGHTSHIFT})
_CTRLS = frozenset({KEY_LEFTCTRL, KEY_RIGHTCTRL})

TERMINATORS: Mapping[str, frozenset[int]] = {
    "enter": frozenset({KEY_ENTER, KEY_KPENTER}),
    "tab": frozenset({KEY_TAB}),
    "enter_or_tab": frozenset({KEY_ENTER, KEY_KPENTER, KEY_TAB}),
}

# ---------------------------------------------------------------- keymaps
#: A dead key is written as its spacing accent prefixed with this mark.
DEAD = "\x00"
_COMBINING = {"¨": "\u0308", "^": "\u0302", "´": "\u0301", "`": "\u0300", "~": "\u0303"}


@dataclass(frozen=True, slots=True)
class Keymap:
    """What each key gives: plain, with Shift, and with AltGr (absent: nothing)."""

    name: str
    keys: Mapping[int, tuple[str, str, str]]

    def char(self, code: int, *, shift: bool, altgr: bool, caps: bool) -> str | None:
        entry = self.keys.get(code)
        if entry is None:
            return None
        plain, shifted, third = entry
        if altgr:
            return third or None
        if caps and len(plain) == 1 and plain.isalpha():
            shift = not shift
        return (shifted if shift else plain) or None


def _keymap(name: str, symbols: Mapping[int, tuple[str, str, str]]) -> Keymap:
    keys: dict[int, tuple[str, str, str]] = {}
    digits = "1234567890"
    for offset, digit in enumerate(digits):
        keys[KEY_1 + offset] = (digit, "", "")
    for first, row in _LETTER_ROWS:
        for offset, letter in enumerate(row):
            keys[first + offset] = (letter, letter.upper(), "")
    keys[KEY_SPACE] = (" ", " ", " ")
    for code, entry in symbols.items():
        plain, shifted, third = entry
        base = keys.get(code, ("", "", ""))
        keys[code] = (plain or base[0], shifted or base[1], third or base[2])
    return Keymap(name, keys)


def _shifted_digits(signs: str) -> dict[int, tuple[str, str, str]]:
    return {KEY_1 + n: ("", sign, "") for n, sign in enumerate(signs)}


KEYMAPS: Mapping[str, Keymap] = {
    "us": _keymap(
        "us",
        _shifted_digits("!@#$%^&*()")
        | {
            KEY_MINUS: ("-", "_", ""),
            KEY_EQUAL: ("=", "+", ""),
            KEY_LEFTBRACE: ("[", "{", ""),
            KEY_RIGHTBRACE: ("]", "}", ""),
            KEY_SEMICOLON: (";", ":", ""),
            KEY_APOSTROPHE: ("'", '"', ""),
            KEY_GRAVE: ("`", "~", ""),
            KEY_BACKSLASH: ("\\", "|", ""),
            KEY_COMMA: (",", "<", ""),
            KEY_DOT: (".", ">", ""),
            KEY_SLASH: ("/", "?", ""),
            KEY_102ND: ("<", ">", ""),
        },
    ),
    # The Dutch layout (xkb "nl"), with its dead keys and the AltGr signs a code may hold.
    "nl": _keymap(
        "nl",
        _shifted_digits("!\"#$%&_()'")
        | {
            KEY_1 + 7: ("", "(", "{"),
            KEY_1 + 8: ("", ")", "}"),
            KEY_MINUS: ("/", "?", "\\"),
            KEY_EQUAL: ("°", DEAD + "~", ""),
            KEY_E: ("", "", "€"),
            KEY_LEFTBRACE: (DEAD + "¨", DEAD + "^", "~"),
            KEY_RIGHTBRACE: ("*", "|", ""),
            KEY_SEMICOLON: ("+", "±", ""),
            KEY_APOSTROPHE: (DEAD + "´", DEAD + "`", "'"),
            KEY_GRAVE: ("@", "§", ""),
            KEY_BACKSLASH: ("<", ">", ""),
            KEY_COMMA: (",", ";", ""),
            KEY_DOT: (".", ":", ""),
            KEY_SLASH: ("-", "=", ""),
            KEY_102ND: ("]", "[", "|"),
        },
    ),
}


# ---------------------------------------------------------------- key events -> codes
class KeyDecoder:
    """Key events -> codes, for one keymap. Pure: fed events, it returns what they complete.

    ``feed(time_s, key, value)`` returns a completed code (text, prefix and suffix removed),
    ``""`` for a terminator with nothing before it, or None while a code is being typed. A
    rejected read is reported through ``on_reject`` and forgotten.
    """

    def __init__(
        self,
        keymap: Keymap,
        *,
        terminators: frozenset[int] = TERMINATORS["enter"],
        prefix: str = "",
        suffix: str = "",
        max_length: int = 64,
        partial_timeout_s: float = 0.5,
        on_reject: Callable[[str], None] = lambda why: None,
    ) -> None:
        self.keymap = keymap
        self._terminators = terminators
        self._prefix, self._suffix = prefix, suffix
        self._max_length = max_length
        self._partial_timeout_s = partial_timeout_s
        self._on_reject = on_reject
        self._text: list[str] = []
        self._dead: str | None = None
        self._shift: set[int] = set()
        self._ctrl: set[int] = set()
        self._altgr = False
        self._alt = False
        self._caps = False
        self._discarding = False
        self._bad = False  # a key without meaning in the keymap was typed in this code
        self._last_at: float | None = None

    def feed(self, at: float, key: int, value: int) -> str | None:
        if key == DROPPED:
            # Events were lost: whatever is being typed is incomplete, and a Shift or Ctrl
            # release may be among the lost. Start afresh; until the next key nothing counts.
            if self.pending or self._discarding:
                self._on_reject("the kernel dropped key events in the middle of a scan")
            self._forget()
            self._discarding = False
            self._shift.clear()
            self._ctrl.clear()
            self._alt = False
            self._altgr = False
            return None
        if key in _SHIFTS or key in _CTRLS:
            held = self._shift if key in _SHIFTS else self._ctrl
            (held.discard if value == KEY_RELEASE else held.add)(key)
            return None
        if key == KEY_RIGHTALT:
            self._altgr = value != KEY_RELEASE
            return None
        if key == KEY_LEFTALT:
            self._alt = value != KEY_RELEASE
            return None
        if value == KEY_RELEASE:
            return None
        if key == KEY_CAPSLOCK:
            if value == KEY_PRESS:
                self._caps = not self._caps
            return None
        self._expire(at)
        self._last_at = at
        if key in self._terminators:
            return self._finish()
        if self._discarding:
            return None  # inside an over-long run
        if self._ctrl or self._alt:
            self._bad = True  # Ctrl+key (a GS1 separator) or Alt+keypad codes: not text we read
            return None
        char = self._char(key)
        if char is None:
            self._bad = True
            return None
        self._text.append(char)
        if len(self._text) > self._max_length:
            self._forget()
            self._discarding = True
            self._on_reject(f"longer than {self._max_length} characters without a terminator")
        return None

    def flush(self, at: float) -> None:
        """Reject a partial code left without keys for longer than the partial timeout."""
        self._expire(at)

    @property
    def pending(self) -> bool:
        return bool(self._text) or self._dead is not None

    def _expire(self, at: float) -> None:
        if self._last_at is None or self._partial_timeout_s <= 0:
            return
        if at - self._last_at > self._partial_timeout_s:
            if self.pending:
                self._on_reject("a partial scan: the keys stopped before the terminator")
            self._forget()
            self._discarding = False
            self._last_at = None

    def _char(self, key: int) -> str | None:
        if key in _KEYPAD_DIGITS:
            return self._compose(_KEYPAD_DIGITS[key])
        if key in _KEYPAD_SIGNS:
            return self._compose(_KEYPAD_SIGNS[key])
        char = self.keymap.char(key, shift=bool(self._shift), altgr=self._altgr, caps=self._caps)
        if char is None:
            return None
        if char.startswith(DEAD):
            accent = char[1:]
            if self._dead is not None:  # two dead keys: the first one stands for itself
                previous, self._dead = self._dead, accent
                return previous
            self._dead = accent
            return ""
        return self._compose(char)

    def _compose(self, char: str) -> str:
        accent, self._dead = self._dead, None
        if accent is None:
            return char
        if char == " ":
            return accent
        composed = unicodedata.normalize("NFC", char + _COMBINING[accent])
        return composed if len(composed) == 1 else accent + char

    def _finish(self) -> str | None:
        if self._discarding:
            self._discarding = False
            self._forget()
            return None
        if self._dead is not None:
            self._text.append(self._dead)
        text, bad = "".join(self._text), self._bad
        self._forget()
        if bad:
            self._on_reject("keys that mean nothing in the scanner's keymap")
            return None
        return clean_code(text, self._prefix, self._suffix)

    def _forget(self) -> None:
        self._text.clear()
        self._dead = None
        self._bad = False


# ---------------------------------------------------------------- finding the device
@dataclass(frozen=True, slots=True)
class InputDevice:
    path: str  # /dev/input/eventN
    name: str
    links: tuple[str, ...] = ()  # /dev/input/by-id/... pointing at it
    keyboard: bool = False  # has letter and Enter keys: what a keyboard-wedge scanner offers


def _has_keyboard_keys(bitmap: str) -> bool:
    """The sysfs ``capabilities/key`` bitmap (hex words, most significant first) has the keys
    a wedge scanner types: Enter and the digits."""
    words = bitmap.split()
    value = 0
    for word in words:
        value = (value << (8 * struct.calcsize("l"))) | int(word, 16)
    wanted = [KEY_ENTER, *range(KEY_1, KEY_0 + 1)]
    return all(value >> code & 1 for code in wanted)


def input_devices(
    sysfs: Path = Path("/sys/class/input"), dev: Path = Path("/dev/input")
) -> list[InputDevice]:
    """The event devices of this machine (empty where there are none or no /sys)."""
    found: list[InputDevice] = []
    links: dict[str, list[str]] = {}
    by_id = dev / "by-id"
    if by_id.is_dir():
        for link in sorted(by_id.iterdir()):
            target = os.path.realpath(link)
            links.setdefault(os.path.basename(target), []).append(str(link))
    if not sysfs.is_dir():
        return found
    for entry in sorted(sysfs.glob("event*"), key=lambda p: _number(p.name)):
        device = entry / "device"
        name = _read(device / "name")
        caps = _read(device / "capabilities" / "key")
        keyboard = bool(caps) and _has_keyboard_keys(caps)
        found.append(
            InputDevice(str(dev / entry.name), name, tuple(links.get(entry.name, ())), keyboard)
        )
    return found


def _number(name: str) -> int:
    digits = re.sub(r"\D", "", name)
    return int(digits) if digits else -1


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return ""


def grab(fd: int) -> None:
    """Take the device for this file alone; OSError (EBUSY) when another program has it."""
    fcntl.ioctl(fd, EVIOCGRAB, 1)


def release(fd: int) -> None:
    fcntl.ioctl(fd, EVIOCGRAB, 0)


def key_events(data: bytes) -> Iterator[tuple[float, int, int]]:
    """(time in s, key code, value) of every key event in ``data`` (whole events only); a
    ``SYN_DROPPED`` (the kernel's buffer for this reader overflowed) as key ``DROPPED``."""
    usable = len(data) - len(data) % EVENT.size
    for sec, usec, kind, code, value in EVENT.iter_unpack(data[:usable]):
        if kind == EV_KEY or (kind == EV_SYN and code == SYN_DROPPED):
            yield sec + usec / 1_000_000, code if kind == EV_KEY else DROPPED, value


def pack_key(at: float, code: int, value: int) -> bytes:
    """One key event as the kernel writes it (for simulators and tests)."""
    sec = int(at)
    return EVENT.pack(sec, round((at - sec) * 1_000_000), EV_KEY, code, value)


def type_text(text: str, keymap: Keymap, at: float = 0.0, gap: float = 0.005) -> bytes:
    """The key events a scanner programmed for ``keymap`` sends for ``text`` and Enter."""
    reverse: dict[str, tuple[int, bool]] = {}
    for code, (plain, shifted, _third) in sorted(keymap.keys.items()):
        for char, shift in ((plain, False), (shifted, True)):
            if char and not char.startswith(DEAD):
                reverse.setdefault(char, (code, shift))
    out = bytearray()
    for char in [*text, "\n"]:
        if char == "\n":
            code, shift = KEY_ENTER, False
        elif char in reverse:
            code, shift = reverse[char]
        else:
            raise ValueError(f"{char!r} cannot be typed on the {keymap.name} keymap")
        if shift:
            out += pack_key(at, KEY_LEFTSHIFT, KEY_PRESS)
        out += pack_key(at, code, KEY_PRESS) + pack_key(at, code, KEY_RELEASE)
        if shift:
            out += pack_key(at, KEY_LEFTSHIFT, KEY_RELEASE)
        at += gap
    return bytes(out)


# ---------------------------------------------------------------- the adapter
@dataclass(frozen=True, slots=True)
class EvdevScannerSettings:
    #: the event node or a link to it (``/dev/input/by-id/usb-...-event-kbd``); or empty and
    device: str = ""
    #: a regular expression on the device's name (the first match is used)
    name: str = ""
    keymap: str = "us"  # the layout the scanner is programmed for: us | nl
    prefix: str = ""
    suffix: str = ""
    terminator: str = "enter"  # enter | tab | enter_or_tab
    max_length: int = 64
    #: a pause between two keys longer than this drops the partial code (s)
    partial_timeout_s: float = 0.5
    reopen_s: float = 1.0


class EvdevScanner(ReadingThread):
    """``CodeScanner`` on a keyboard-wedge scanner's event node, grabbed exclusively."""

    def __init__(
        self,
        settings: EvdevScannerSettings,
        *,
        name: str = "barcode scanner",
        devices: Callable[[], list[InputDevice]] = input_devices,
        open_device: Callable[[str], int] | None = None,
        take: Callable[[int], None] = grab,
    ) -> None:
        if not settings.device and not settings.name:
            raise ValueError("the keyboard scanner needs a device path or a name pattern")
        if settings.keymap not in KEYMAPS:
            raise ValueError(f"keymap must be one of {sorted(KEYMAPS)}")
        if settings.terminator not in TERMINATORS:
            raise ValueError(f"terminator must be one of {sorted(TERMINATORS)}")
        if settings.max_length < 1:
            raise ValueError("max_length must be at least 1")
        self._pattern = re.compile(settings.name) if settings.name else None
        super().__init__(name, thread_name="evdev-scanner", reopen_s=settings.reopen_s, log=log)
        self._settings = settings
        self._devices = devices
        self._open_device = open_device or _open_event_node
        self._take = take
        self._where = settings.device or f"the device named like {settings.name!r}"

    def _path(self) -> str | None:
        if self._settings.device:
            return self._settings.device
        assert self._pattern is not None
        for device in self._devices():
            # A scanner often has namesakes (its "Consumer Control" node): only the node
            # with keyboard keys carries the scans, and only grabbing it stops the leak.
            if device.keyboard and self._pattern.search(device.name):
                return device.path
        return None

    def _open(self) -> Any:
        path = self._path()
        if path is None:
            self._set_health(Health.FAILED, f"The {self._name} ({self._where}) is not connected")
            return None
        try:
            fd = self._open_device(path)
        except OSError as exc:
            self._set_health(Health.FAILED, self._failure(exc))
            return None
        try:
            self._take(fd)
        except OSError as exc:
            os.close(fd)
            self._set_health(Health.FAILED, self._failure(exc, grabbing=True))
            return None
        return fd

    def _failure(self, exc: OSError, *, grabbing: bool = False) -> str:
        where = f"The {self._name} ({self._where})"
        if exc.errno in (errno.EACCES, errno.EPERM):
            return f"{where} cannot be used: the kiosk has no permission to read it"
        if exc.errno == errno.EBUSY:
            return f"{where} is taken by another program"
        if grabbing:
            return f"{where} cannot be taken for the kiosk alone"
        return f"{where} is not connected"

    def _close(self, handle: Any) -> None:
        with contextlib.suppress(OSError):  # gone, or never a real event node
            release(handle)
        os.close(handle)

    def _read_until_stopped_or_lost(self, handle: Any, on_code: Callable[[CodeRead], None]) -> bool:
        settings = self._settings
        decoder = KeyDecoder(
            KEYMAPS[settings.keymap],
            terminators=TERMINATORS[settings.terminator],
            prefix=settings.prefix,
            suffix=settings.suffix,
            max_length=settings.max_length,
            partial_timeout_s=settings.partial_timeout_s,
            on_reject=self._reject,
        )
        poller = select.poll()
        poller.register(handle, select.POLLIN)
        pending = b""
        source = settings.device or "evdev"
        last_event_at = 0.0
        quiet = 0.0  # seconds without input since the last event
        while not self.stopping:
            ready = poller.poll(READ_TIMEOUT_S * 1000)
            if not ready:
                quiet += READ_TIMEOUT_S
                if decoder.pending:
                    decoder.flush(last_event_at + quiet)
                continue
            try:
                data = os.read(handle, EVENT.size * 64)
            except OSError as exc:
                if exc.errno == errno.EAGAIN:
                    continue
                return self._lost(decoder, exc)
            if not data:
                return self._lost(decoder, None)
            pending += data
            quiet = 0.0
            for at, key, value in key_events(pending):
                last_event_at = at
                code = decoder.feed(at, key, value)
                if code:
                    self._deliver(code, on_code, source=source)
            pending = pending[len(pending) - len(pending) % EVENT.size :]
        return False

    def _lost(self, decoder: KeyDecoder, exc: OSError | None) -> bool:
        log.info("%s: the device was lost: %s", self._name, type(exc).__name__ if exc else "EOF")
        if decoder.pending:
            self._reject("the scanner was lost in the middle of a scan")
        self._set_health(Health.FAILED, f"The {self._name} ({self._where}) is not connected")
        return True


def _open_event_node(path: str) -> int:
    return os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
