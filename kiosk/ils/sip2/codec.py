"""SIP2 wire codec: framing, AY/AZ error detection, encodings, tolerant and strict decoding.

One :class:`Codec` a connection: it knows the connection's encoding, which checksum flavour it
writes and which flavours it accepts, and whether it is strict. Decoding returns a
:class:`Frame` (message, sequence number, checksum verdict, warnings); a frame that cannot be
read raises :class:`Sip2DecodeError`, which names the message, the position and the field.

Checksum: the low 16 bits of the two's complement of the sum of the message from its first
byte up to and including ``AZ``, as four upper-case hex digits. Three flavours exist in the
wild: over the encoded bytes (the specification; the only one we write by default), over UTF-8
bytes of the text in Unicode NFD (Evergreen), and over Unicode code points (one Koha version).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from kiosk.ils.sip2.fields import describe
from kiosk.ils.sip2.messages import BLANK_DATE, REGISTRY, Message
from kiosk.ils.sip2.values import is_date


class Flavour(StrEnum):
    BYTES = "bytes"
    UTF8_NFD = "utf8-nfd"
    CODEPOINTS = "codepoints"


class ChecksumStatus(StrEnum):
    VALID = "valid"
    VALID_UTF8_NFD = "valid-utf8-nfd"
    VALID_CODEPOINTS = "valid-codepoints"
    BAD = "bad-checksum"
    ABSENT = "no-checksum"

    @property
    def ok(self) -> bool:
        return self in (self.VALID, self.VALID_UTF8_NFD, self.VALID_CODEPOINTS)


_STATUS_OF = {
    Flavour.BYTES: ChecksumStatus.VALID,
    Flavour.UTF8_NFD: ChecksumStatus.VALID_UTF8_NFD,
    Flavour.CODEPOINTS: ChecksumStatus.VALID_CODEPOINTS,
}

ENCODINGS = ("cp850", "utf-8", "latin-1", "ascii")
_ALIASES = {
    "utf8": "utf-8",
    "latin1": "latin-1",
    "iso-8859-1": "latin-1",
    "iso8859-1": "latin-1",
    "ibm850": "cp850",
    "850": "cp850",
    "us-ascii": "ascii",
}


def encoding_name(name: str) -> str | None:
    """The codec's name for an encoding as people write it (``UTF8``, ``IBM850``), or None."""
    key = name.strip().lower().replace("_", "-")
    key = _ALIASES.get(key, key)
    return key if key in ENCODINGS else None


class Sip2Error(Exception):
    """Base of the SIP2 stack's errors."""


class Sip2DecodeError(Sip2Error):
    """A frame that cannot be read: names the message code, the position and the field."""

    def __init__(self, problem: str, *, code: str = "??", position: int = 0, fld: str = "") -> None:
        where = f"message {code}, position {position}"
        if fld:
            where += f", field {fld}"
        super().__init__(f"{where}: {problem}")
        self.problem, self.code, self.position, self.field = problem, code, position, fld


class Sip2ChecksumError(Sip2DecodeError):
    """AZ does not match (raised in strict mode; lenient decoding reports it on the frame)."""


class Sip2EncodeError(Sip2Error):
    """A message that cannot be written as asked (strict mode): names the message and field."""


def checksum_of(data: bytes) -> str:
    """The AZ value for ``data`` (everything from the first byte through ``AZ``)."""
    return f"{(-sum(data)) & 0xFFFF:04X}"


def _sum_for(flavour: Flavour, raw: bytes, text: str) -> int:
    if flavour is Flavour.BYTES:
        return sum(raw)
    if flavour is Flavour.UTF8_NFD:
        return sum(unicodedata.normalize("NFD", text).encode("utf-8"))
    return sum(map(ord, text))


@dataclass(slots=True)
class Frame:
    """One decoded message and what the trailer said about it."""

    message: Message
    sequence: str | None = None
    checksum: str | None = None
    checksum_status: ChecksumStatus = ChecksumStatus.ABSENT
    warnings: tuple[str, ...] = ()

    @property
    def code(self) -> str:
        return self.message.CODE


@dataclass(slots=True)
class _Plan:
    """Precomputed decode/encode plan of one message class."""

    cls: type[Message]
    fixed: tuple[tuple[str, int, str], ...]
    fixed_width: int
    tags: dict[str, tuple[str, bool]]
    required: tuple[tuple[str, str], ...]
    var_order: tuple[tuple[str, str, bool], ...]


def _plan(cls: type[Message]) -> _Plan:
    fixed = tuple((f.name, f.width, f.kind) for f in cls.FIXED)
    return _Plan(
        cls=cls,
        fixed=fixed,
        fixed_width=sum(w for _, w, _ in fixed),
        tags={v.tag: (v.name, v.repeat) for v in cls.VARS},
        required=tuple((v.tag, v.name) for v in cls.VARS if v.required),
        var_order=tuple((v.tag, v.name, v.repeat) for v in cls.VARS),
    )


_PLANS: dict[str, _Plan] = {code: _plan(cls) for code, cls in REGISTRY.items()}
_TAG_SHAPE = re.compile(r"[A-Z][A-Z0-9]$")
_HEX = frozenset("0123456789ABCDEFabcdef")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_FLAG_VALUES = {"flag": frozenset("YNU"), "bit": frozenset("01")}


def _digits(raw: str) -> bool:
    # str.isdigit alone also accepts "²" and "٣", which are not SIP2 digits
    return raw.isascii() and raw.isdigit()


class Codec:
    """Encoder/decoder for one connection.

    ``encoding``: one of :data:`ENCODINGS`. ``flavour``: how we compute AZ when writing.
    ``accept``: the flavours a received AZ may match. ``error_detection``: write AY/AZ.
    ``strict``: refuse what the specification does not allow (our own output, tests).
    """

    def __init__(
        self,
        *,
        encoding: str = "utf-8",
        flavour: Flavour = Flavour.BYTES,
        accept: frozenset[Flavour] = frozenset({Flavour.BYTES}),
        error_detection: bool = True,
        strict: bool = False,
    ) -> None:
        name = encoding_name(encoding)
        if name is None:
            raise ValueError(f"encoding {encoding!r}: must be one of {', '.join(ENCODINGS)}")
        self.encoding = name
        self.flavour = flavour
        self.accept = accept | {flavour}
        self.error_detection = error_detection
        self.strict = strict

    # -- encoding ------------------------------------------------------------------------------

    def encode(self, msg: Message, *, sequence: int | str | None = None) -> bytes:
        """The message's bytes without terminator; AY/AZ added when error detection is on.

        A sequence of ``None`` with error detection writes AZ only (as for 96/97 and resends
        whose AY was dropped).
        """
        text = self.render(msg)
        if not self.error_detection:
            return self._bytes(text)
        if sequence is not None:
            text += f"AY{sequence}"
        text += "AZ"
        if self.flavour is Flavour.UTF8_NFD and self.encoding == "utf-8":
            # written as Evergreen writes it; a single-byte encoding cannot carry combining
            # accents, so there the text stays composed and only the sum is taken over NFD
            text = unicodedata.normalize("NFD", text)
        raw = self._bytes(text)
        if self.flavour is Flavour.BYTES:
            total = sum(raw)
        else:
            total = _sum_for(self.flavour, raw, raw.decode(self.encoding))
        return raw + f"{(-total) & 0xFFFF:04X}".encode("ascii")

    def render(self, msg: Message) -> str:
        """The message as text, without the AY/AZ trailer."""
        plan = _PLANS[msg.CODE]
        parts: list[str] = [msg.CODE]
        for name, width, kind in plan.fixed:
            raw = getattr(msg, name)
            if self.strict:
                self._check_fixed(msg, name, width, kind, raw)
            parts.append(raw)
        if msg.order is None:
            for tg, name, repeat in plan.var_order:
                value = getattr(msg, name)
                if repeat:
                    for item in value:
                        parts.append(self._field(msg, tg, item))
                elif value is not None:
                    parts.append(self._field(msg, tg, value))
            for tg, value in msg.extra:
                parts.append(self._field(msg, tg, value))
        else:
            parts.extend(self._ordered(msg, plan))
        if self.strict:
            for tg, name in plan.required:
                if getattr(msg, name) is None:
                    raise Sip2EncodeError(
                        f"message {msg.CODE}: required field {describe(tg)} missing"
                    )
        return "".join(parts)

    def _ordered(self, msg: Message, plan: _Plan) -> list[str]:
        """Fields in the decoded wire order; anything added since goes after, in spec order."""
        out: list[str] = []
        append = out.append
        tags = plan.tags
        used: dict[str, int] = {}
        extra = msg.extra
        ex = 0
        for tg in msg.order or ():
            spec = tags.get(tg)
            if spec is None or (not spec[1] and tg in used):
                if ex < len(extra) and extra[ex][0] == tg:
                    value = extra[ex][1]
                    ex += 1
                else:
                    continue
            elif spec[1]:
                i = used.get(tg, 0)
                used[tg] = i + 1
                values = getattr(msg, spec[0])
                if i >= len(values):
                    continue
                value = values[i]
            else:
                used[tg] = 1
                value = getattr(msg, spec[0])
                if value is None:
                    continue
            if value.isprintable() and "|" not in value:
                append(f"{tg}{value}|")
            else:
                append(self._field(msg, tg, value))
        for tg, name, repeat in plan.var_order:
            value = getattr(msg, name)
            if repeat:
                if len(value) > used.get(tg, 0):
                    out.extend(self._field(msg, tg, v) for v in value[used.get(tg, 0) :])
            elif value is not None and tg not in used:
                append(self._field(msg, tg, value))
        if ex < len(extra):
            out.extend(self._field(msg, tg, v) for tg, v in extra[ex:])
        return out

    def _field(self, msg: Message, tg: str, value: str) -> str:
        if value.isprintable() and "|" not in value:
            return f"{tg}{value}|"
        if "|" in value:
            value = value.replace("|", "&#124;")
        if _CONTROL.search(value):
            if self.strict:
                raise Sip2EncodeError(
                    f"message {msg.CODE}: field {describe(tg)} contains a control character"
                )
            value = _CONTROL.sub(" ", value)
        return f"{tg}{value}|"

    def _check_fixed(self, msg: Message, name: str, width: int, kind: str, raw: str) -> None:
        problem = ""
        if len(raw) != width:
            problem = f"must be {width} characters, is {len(raw)}"
        elif kind in _FLAG_VALUES and raw not in _FLAG_VALUES[kind]:
            problem = f"must be one of {'/'.join(sorted(_FLAG_VALUES[kind]))}"
        elif kind == "num" and not _digits(raw):
            problem = "must be digits"
        elif kind == "date" and not is_date(raw):
            problem = "must be YYYYMMDDZZZZHHMMSS or blank"
        if problem:
            raise Sip2EncodeError(f"message {msg.CODE}: fixed field {name}: {problem}")

    def _bytes(self, text: str) -> bytes:
        try:
            return text.encode(self.encoding)
        except UnicodeEncodeError:
            return degrade(text, self.encoding).encode(self.encoding)

    # -- decoding ------------------------------------------------------------------------------

    def decode(self, raw: bytes) -> Frame:
        """One frame, without its terminator (a stray leading LF or trailing CR/LF is ignored)."""
        warnings: list[str] = []
        raw = raw.strip(b"\r\n")
        if not raw:
            raise Sip2DecodeError("empty frame")
        if self.encoding == "utf-8":
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                if self.strict:
                    raise Sip2DecodeError(
                        "not valid UTF-8", code=_code_of(raw), position=exc.start
                    ) from None
                text = raw.decode("utf-8", errors="replace")
                warnings.append(f"position {exc.start}: bytes that are not UTF-8 replaced")
        else:
            text = raw.decode(self.encoding, errors="replace")
            if "\ufffd" in text and self.encoding == "ascii":
                if self.strict:
                    at = next((i for i, b in enumerate(raw) if b > 0x7F), 0)
                    raise Sip2DecodeError("not ASCII", code=_code_of(raw), position=at)
                warnings.append("bytes outside ASCII replaced")

        sequence = checksum = None
        status = ChecksumStatus.ABSENT
        body = text
        if len(text) >= 6 and text[-6:-4] == "AZ" and set(text[-4:]) <= _HEX:
            checksum = text[-4:]
            prefix = text[:-4]
            value = int(checksum, 16)
            status = ChecksumStatus.BAD
            if (sum(raw[:-4]) + value) & 0xFFFF == 0 and Flavour.BYTES in self.accept:
                status = ChecksumStatus.VALID
            else:
                for flavour in (Flavour.UTF8_NFD, Flavour.CODEPOINTS):
                    if (
                        flavour in self.accept
                        and (_sum_for(flavour, b"", prefix) + value) & 0xFFFF == 0
                    ):
                        status = _STATUS_OF[flavour]
                        break
            body = text[:-6]
            sequence, body = _split_sequence(body)
            if checksum != checksum.upper():
                if self.strict:
                    raise Sip2DecodeError(
                        "checksum in lower case",
                        code=_code_of(raw),
                        position=len(text) - 4,
                        fld="AZ",
                    )
                warnings.append("checksum written in lower case")
        elif text[-3:-1] == "AY" or text[-4:-2] == "AY":
            sequence, body = _split_sequence(text)
            if sequence is not None and body[-1:] not in ("|", ""):
                sequence, body = None, text  # a value that happens to end in AY<digit>
        if status is ChecksumStatus.BAD:
            if self.strict:
                raise Sip2ChecksumError(
                    "checksum does not match", code=text[:2], position=len(text) - 4, fld="AZ"
                )
            warnings.append(f"checksum {checksum} does not match the message; parsed anyway")
        if sequence is not None and len(sequence) > 1:
            if self.strict:
                raise Sip2DecodeError(
                    "sequence number has two digits",
                    code=text[:2],
                    position=len(body),
                    fld="AY",
                )
            warnings.append("two-digit sequence number")
        message = self._parse(body, warnings)
        return Frame(message, sequence, checksum, status, tuple(warnings))

    def _parse(self, text: str, warnings: list[str]) -> Message:
        code = text[:2]
        plan = _PLANS.get(code)
        if plan is None:
            raise Sip2DecodeError(
                "unknown message code" if len(code) == 2 else "frame too short", code=code or "??"
            )
        strict = self.strict
        values: dict[str, Any] = {}
        pos = 2
        end = len(text)
        for name, width, kind in plan.fixed:
            raw = text[pos : pos + width]
            if kind == "date":
                if raw != BLANK_DATE and not (
                    _digits(raw[:8])
                    and _digits(raw[12:])
                    and (not _digits(raw[11:12]) or _digits(raw[8:12]))
                ):
                    raw = self._odd_date(text, pos, code, name, warnings)
            elif strict and kind in _FLAG_VALUES and raw not in _FLAG_VALUES[kind]:
                raise Sip2DecodeError(
                    f"unexpected value {raw!r}", code=code, position=pos, fld=name
                )
            elif strict and kind == "num" and len(raw) == width and not _digits(raw):
                raise Sip2DecodeError(f"{raw!r} is not a number", code=code, position=pos, fld=name)
            if len(raw) < width and kind != "date":
                if strict:
                    raise Sip2DecodeError(
                        f"message ends inside fixed field ({len(raw)} of {width} characters)",
                        code=code,
                        position=pos,
                        fld=name,
                    )
                warnings.append(f"position {pos}: fixed field {name} cut short")
            values[name] = raw
            pos += len(raw)
        order: list[str] = []
        repeats: dict[str, list[str]] = {}
        extra: list[tuple[str, str]] = []
        tags = plan.tags
        if pos < end:
            segments = text[pos:].split("|")
            last = segments.pop()
            if last:
                segments.append(last)
                if strict:
                    raise Sip2DecodeError(
                        "last field has no closing '|'", code=code, position=end, fld=last[:2]
                    )
            at = pos
            for seg in segments:
                if len(seg) < 2:
                    if strict:
                        raise Sip2DecodeError(
                            "empty field" if not seg else f"field tag {seg!r} too short",
                            code=code,
                            position=at,
                        )
                    warnings.append(f"position {at}: stray '|' or short field {seg!r} ignored")
                    at += len(seg) + 1
                    continue
                tg = seg[:2]
                value = seg[2:]
                if "&#124;" in value:
                    value = value.replace("&#124;", "|")
                spec = tags.get(tg)
                if spec is None:
                    if strict and not _TAG_SHAPE.match(tg):
                        raise Sip2DecodeError(f"{tg!r} is not a field tag", code=code, position=at)
                    extra.append((tg, value))
                elif spec[1]:
                    repeats.setdefault(spec[0], []).append(value)
                elif spec[0] in values:
                    if strict:
                        raise Sip2DecodeError(
                            "field repeated", code=code, position=at, fld=describe(tg)
                        )
                    warnings.append(
                        f"position {at}: field {tg} repeated; later value kept as extension"
                    )
                    extra.append((tg, value))
                else:
                    values[spec[0]] = value
                order.append(tg)
                at += len(seg) + 1
        for name, items in repeats.items():
            values[name] = tuple(items)
        for tg, name in plan.required:
            if name not in values:
                if strict:
                    raise Sip2DecodeError(
                        "required field missing", code=code, position=end, fld=describe(tg)
                    )
                warnings.append(f"required field {describe(tg)} missing")
        return plan.cls(**values, extra=tuple(extra), order=tuple(order))

    def _odd_date(self, text: str, pos: int, code: str, name: str, warnings: list[str]) -> str:
        """A date that is not ``YYYYMMDD????HHMMSS`` nor blank: the 17-character form of the
        specification's own examples, or something malformed (kept as 18 characters)."""
        short = text[pos : pos + 17]
        if _digits(short[:8]) and short[8:11] == "   " and _digits(short[11:]) and len(short) == 17:
            if self.strict:
                raise Sip2DecodeError(
                    "date with a three-character zone", code=code, position=pos, fld=name
                )
            return short
        raw = text[pos : pos + 18]
        if self.strict:
            raise Sip2DecodeError("not a SIP2 date", code=code, position=pos, fld=name)
        warnings.append(f"position {pos}: fixed field {name} is not a SIP2 date")
        return raw


def _split_sequence(body: str) -> tuple[str | None, str]:
    """Split a trailing ``AY<n>`` (one digit, or the two seen in one capture) off ``body``."""
    if body[-3:-1] == "AY" and _digits(body[-1:]):
        return body[-1:], body[:-3]
    if body[-4:-2] == "AY" and _digits(body[-2:]):
        return body[-2:], body[:-4]
    return None, body


def _code_of(raw: bytes) -> str:
    return raw[:2].decode("ascii", errors="replace")


def degrade(text: str, encoding: str) -> str:
    """Text the encoding can carry: accents dropped where that helps (é -> e, IJ -> IJ), else '?'.

    Visible (a reader sees a ``?``), never an exception.
    """
    out: list[str] = []
    for ch in text:
        try:
            ch.encode(encoding)
            out.append(ch)
            continue
        except UnicodeEncodeError:
            pass
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        try:
            base.encode(encoding)
            out.append(base or "?")
        except UnicodeEncodeError:
            out.append("?")
    return "".join(out)


class FrameTooLong(Sip2Error):
    """A peer sent a frame longer than the limit (dropped, however the reads fell).

    ``frames`` holds every frame of the same ``feed`` call in stream order, with ``None`` in
    the place of each over-long one, so that a server answers each in its turn.
    """

    def __init__(self, limit: int, frames: list[bytes | None]) -> None:
        super().__init__(f"frame longer than {limit} bytes without a terminator")
        self.limit, self.frames = limit, frames


class FrameReader:
    """Splits a byte stream into frames at CR, LF or CRLF; bounded in size.

    ``feed`` returns the complete frames so far (terminators removed, empty lines skipped, so
    CRLF and a stray LF from a CR-stripping peer are harmless). More than ``max_frame`` bytes
    without a terminator raises :class:`FrameTooLong`; the reader then discards input up to the
    next terminator, so one oversized frame does not poison the next.
    """

    def __init__(self, max_frame: int = 65536) -> None:
        self.max_frame = max_frame
        self._buf = bytearray()
        self._discarding = False

    def feed(self, data: bytes) -> list[bytes]:
        buf = self._buf
        buf += data
        frames: list[bytes | None] = []
        overflow = False
        start = 0
        n = len(buf)
        limit = self.max_frame
        while start < n:
            cr = buf.find(b"\r", start)
            lf = buf.find(b"\n", start)
            idx = cr if lf < 0 or (0 <= cr < lf) else lf
            if idx < 0:
                break
            if self._discarding:
                self._discarding = False  # the rest of an over-long frame ends here
            elif idx - start > limit:
                overflow = True  # over-long, however the reads fell
                frames.append(None)
            elif idx > start:
                frames.append(bytes(buf[start:idx]))
            start = idx + 1
        del buf[:start]
        if self._discarding:
            buf.clear()
        elif len(buf) > limit:
            buf.clear()
            self._discarding = True
            overflow = True
            frames.append(None)
        if overflow:
            raise FrameTooLong(limit, frames)
        return [f for f in frames if f is not None]

    @property
    def pending(self) -> int:
        return len(self._buf)
