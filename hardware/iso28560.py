"""Library RFID tag data per ISO 28560, parts 2 and 3: decode and encode, pure Python.

A library item's tag says which library owns it (an ISIL such as ``NL-0400090000``), which item
it is (the barcode number the library system knows), and for an item of several parts (a box of
three discs) which part this tag is on and how many there are. Two encodings are in use:

- **ISO 28560-3**, fixed length (from the Danish data model, also used in the Netherlands,
  Germany, Finland): a 34-byte basic block. Byte 0: version (high nibble, 1) and type of usage
  (low nibble); byte 1: parts in the item; byte 2: this part's number; bytes 3-18: the item
  identifier (ASCII, padded with NUL); bytes 19-20: CRC-16/CCITT-FALSE (polynomial 0x1021,
  start 0xFFFF, low byte first) over the block without those two bytes; bytes 21-33: the owner
  library's ISIL with its first ``-`` left out (``NL-0400090000`` as ``NL0400090000``). Tags with
  32 bytes of user memory carry the block cut at byte 32 (the CRC then counts two NULs there).
  Optional extension blocks follow (``length, id (2), XOR check, data``; length 0 ends them).
- **ISO 28560-2**, object identifiers with compaction (ISO/IEC 15962): a sequence of data sets
  ``precursor [offset] length data [padding]``, the precursor holding the offset flag (bit 7),
  the compaction scheme (bits 6-4) and the relative OID (bits 3-0); a precursor of 0 ends the
  sequence. OID 1 is the item identifier, 2 the content parameter, 3 the owner ISIL (in its own
  5/4-bit compaction), 4 the set information (parts, then part number, as digits), 5 the type of
  usage, 6 the shelf location.

:func:`decode` tells the two apart, checks what can be checked and never raises: bad, blank or
foreign data gives a :class:`TagProblem` with a stable reason. Some vendors write every 4-byte
block reversed; such a 28560-3 block is recognised by its CRC.

The Dutch public libraries' data model (the national requirements "GenPvE", version 5.0) asks
for ISO 28560 tags carrying the owner library's ISIL, the item identifier and the set
information, with the AFI as the security flag; :class:`DutchProfile` holds those conventions.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

#: type of usage (ISO 28560-1): the main classes, in the low nibble of 28560-3's byte 0
USAGE_ACQUISITION = 0x0
USAGE_CIRCULATION = 0x1
USAGE_NOT_FOR_CIRCULATION = 0x2
USAGE_DISCARDED = 0x7
USAGE_PATRON_CARD = 0x8
USAGE_EQUIPMENT = 0x9

#: the AFI values libraries use (ISO 28560-1): in the library (the gate sounds) and on loan
AFI_IN_LIBRARY = 0x07
AFI_ON_LOAN = 0xC2

#: the data storage format identifiers (DSFID) of the two encodings, where tags carry one
DSFID_28560_2 = 0x06
DSFID_28560_3 = 0x3E

BASIC_BLOCK = 34
ID_LENGTH = 16


class Format(StrEnum):
    PART3 = "iso28560-3"
    PART2 = "iso28560-2"


class Problem(StrEnum):
    """Why a tag's data could not be used, in one stable word."""

    #: nothing written on the tag (all zeros or all ones)
    BLANK = "blank"
    #: the data is in neither encoding (another system's tag, a transit card)
    UNKNOWN_FORMAT = "unknown_format"
    #: a 28560-3 block whose check does not match: misread or damaged
    CHECK_FAILED = "check_failed"
    #: too short to hold the block it starts
    TRUNCATED = "truncated"
    #: a 28560-2 data set that breaks the encoding's rules
    MALFORMED = "malformed"
    #: well formed, but without an item identifier
    NO_IDENTIFIER = "no_identifier"


@dataclass(frozen=True, slots=True)
class TagData:
    """What a library tag says about its item."""

    item_id: str
    #: the owner library's ISIL (``NL-0400090000``); "" when the tag does not say
    owner: str = ""
    #: parts in the item, and which one this tag is on (1-based)
    parts: int = 1
    part: int = 1
    #: type of usage (ISO 28560-1): main class in the high nibble for 28560-2's full byte;
    #: for 28560-3 the main class only (0x1: for circulation)
    usage: int = USAGE_CIRCULATION
    format: Format = Format.PART3
    #: other data elements by relative OID (28560-2), e.g. 6: the shelf location
    extra: dict[int, str] = field(default_factory=dict)

    @property
    def is_item(self) -> bool:
        """A library item (not a patron card, library equipment or a discarded item)."""
        return (self.usage & 0xF if self.format is Format.PART3 else self.usage >> 4) not in (
            USAGE_PATRON_CARD,
            USAGE_EQUIPMENT,
            USAGE_DISCARDED,
        )

    @property
    def complete_set(self) -> bool:
        return self.parts <= 1


@dataclass(frozen=True, slots=True)
class TagProblem:
    problem: Problem
    detail: str = ""


Decoded = TagData | TagProblem


# ---------------------------------------------------------------- checks
def crc16_ccitt_false(data: bytes) -> int:
    """CRC-16/CCITT-FALSE: polynomial 0x1021, start 0xFFFF, not reflected, no final XOR."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def crc16_iso15693(data: bytes) -> int:
    """The ISO/IEC 15693 frame check: reflected 0x8408, start 0xFFFF, complemented at the end
    (sent low byte first)."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0x8408 if crc & 1 else crc >> 1
    return crc ^ 0xFFFF


def _part3_crc(block: bytes) -> int:
    body = (block + bytes(BASIC_BLOCK))[:BASIC_BLOCK]
    return crc16_ccitt_false(body[:19] + body[21:])


def _reverse_blocks(data: bytes) -> bytes:
    """Every 4-byte block back to front (how some vendors write their tags)."""
    return b"".join(data[i : i + 4][::-1] for i in range(0, len(data), 4))


# ---------------------------------------------------------------- decoding
def decode(data: bytes, dsfid: int | None = None) -> Decoded:
    """The item a tag's user memory describes, or why it cannot be used. Never raises."""
    try:
        return _decode(bytes(data), dsfid)
    except (IndexError, ValueError, UnicodeDecodeError) as exc:  # a rule not foreseen above
        return TagProblem(Problem.MALFORMED, type(exc).__name__)


def _decode(data: bytes, dsfid: int | None) -> Decoded:
    if not data.strip(b"\x00") or not data.strip(b"\xff"):
        return TagProblem(Problem.BLANK)
    turned = _reverse_blocks(data)
    if dsfid == DSFID_28560_2:
        readings = [_decode_part2(data)]
    elif dsfid == DSFID_28560_3:
        readings = [_decode_part3(data), _decode_part3(turned)]
    else:
        # A 28560-3 block is known by its version nibble and its CRC; a 28560-2 sequence may
        # begin with the same byte (0x11: an integer item identifier), so both are tried.
        readings = [_decode_part3(data), _decode_part3(turned), _decode_part2(data)]
    for reading in readings:
        if isinstance(reading, TagData):
            return reading
    if data[0] >> 4 == 1 and dsfid != DSFID_28560_2:
        return readings[0]  # it looked like 28560-3: say what is wrong with it
    if dsfid == DSFID_28560_2:
        return readings[0]
    return TagProblem(Problem.UNKNOWN_FORMAT, f"first byte 0x{data[0]:02X}")


def _decode_part3(data: bytes) -> Decoded:
    if data[0] >> 4 != 1:
        return TagProblem(Problem.UNKNOWN_FORMAT, f"version {data[0] >> 4}")
    if len(data) < 32:
        return TagProblem(Problem.TRUNCATED, f"{len(data)} bytes; a basic block needs 32")
    block = data[:BASIC_BLOCK]
    stored = block[19] | block[20] << 8
    if _part3_crc(block) != stored:
        return TagProblem(Problem.CHECK_FAILED, "the basic block's CRC does not match")
    usage = block[0] & 0x0F
    parts, part = block[1], block[2]
    raw_id = block[3:19].split(b"\x00", 1)[0]
    owner = block[21:BASIC_BLOCK].split(b"\x00", 1)[0].decode("ascii", "replace")
    if not raw_id or raw_id == b"\x01":  # 0x01: the identifier is in an extension block
        ext = _extension_id(data[BASIC_BLOCK:])
        if ext is None:
            return TagProblem(Problem.NO_IDENTIFIER)
        raw_id = ext
    item_id = raw_id.decode("ascii", "replace")
    if parts == 0 or part == 0 or part > parts:
        parts, part = max(parts, 1), max(min(part, max(parts, 1)), 1)
    return TagData(item_id, _isil_from_part3(owner), parts, part, usage, Format.PART3)


def _isil_from_part3(text: str) -> str:
    """``NL0400090000`` as written in bytes 21-33, back to ``NL-0400090000``."""
    if len(text) > 2 and text[:2].isalpha() and text[:2].isupper() and "-" not in text[:3]:
        return f"{text[:2]}-{text[2:]}"
    return text


def _extension_id(rest: bytes) -> bytes | None:
    """The primary item identifier from a library extension block (id 1), if any."""
    at = 0
    while at < len(rest):
        length = rest[at]
        if length == 0:
            return None
        if length == 1:
            at += 1
            continue
        frame = rest[at : at + length]
        if len(frame) < 4 or _xor(frame) != 0:
            return None
        if frame[1] | frame[2] << 8 == 1:
            found = frame[4:].split(b"\x00", 1)[0]
            return found or None
        at += length
    return None


def _xor(data: bytes) -> int:
    out = 0
    for byte in data:
        out ^= byte
    return out


def _decode_part2(data: bytes) -> Decoded:
    values: dict[int, str] = {}
    at = 0
    while at < len(data):
        precursor = data[at]
        if precursor == 0:
            break
        at += 1
        offset_flag, scheme, oid = precursor >> 7, (precursor >> 4) & 0x7, precursor & 0x0F
        offset = 0
        if offset_flag:
            offset = data[at]
            at += 1
        if oid == 0x0F:
            oid = 15 + data[at]
            at += 1
        length = data[at]
        at += 1
        chunk = data[at : at + length]
        if len(chunk) != length or length == 0:
            return TagProblem(Problem.MALFORMED, f"data set of OID {oid} runs past the data")
        at += length + offset
        if oid in values:
            return TagProblem(Problem.MALFORMED, f"OID {oid} twice")
        values[oid] = _decompact(chunk, scheme, oid)
    else:
        if not values:
            return TagProblem(Problem.UNKNOWN_FORMAT)
    item_id = values.pop(1, "")
    if not item_id:
        return TagProblem(Problem.NO_IDENTIFIER if values else Problem.UNKNOWN_FORMAT)
    values.pop(2, None)
    owner = values.pop(3, "")
    parts, part = _set_information(values.pop(4, ""))
    usage_text = values.pop(5, "")
    usage = int(usage_text) if usage_text.isdigit() else USAGE_CIRCULATION << 4
    return TagData(item_id, owner, parts, part, usage, Format.PART2, values)


def _set_information(digits: str) -> tuple[int, int]:
    """Parts in the item, then the part's number, as one run of digits split in halves."""
    if not digits.isdigit() or len(digits) % 2:
        return 1, 1
    half = len(digits) // 2
    parts, part = int(digits[:half]), int(digits[half:])
    if parts < 1 or not 1 <= part <= parts:
        return 1, 1
    return parts, part


def _decompact(chunk: bytes, scheme: int, oid: int) -> str:
    if oid == 3 and scheme == 0:
        return isil_decode(chunk)
    if oid == 2 and scheme == 0:
        return chunk.hex()
    if scheme == 1:
        return str(int.from_bytes(chunk, "big"))
    if scheme == 2:
        digits = "".join(f"{b >> 4}{b & 0xF}" for b in chunk)
        return digits.rstrip("f") if "f" in digits else digits
    if scheme == 3:
        return "".join(_FIVE.get(v, "?") for v in _bits(chunk, 5))
    if scheme == 4:
        return "".join(_six(v) for v in _bits(chunk, 6)).rstrip("\x04")
    if scheme == 5:
        return "".join(chr(v) for v in _bits(chunk, 7) if v)
    if scheme == 7:
        return chunk.decode("utf-8")
    return chunk.decode("latin-1")  # 6: octets (ISO 8859-1); 0: application-defined


def _bits(chunk: bytes, width: int) -> list[int]:
    """Values of ``width`` bits packed from the first byte's high bit; the tail that cannot
    hold a whole value is padding."""
    number = int.from_bytes(chunk, "big")
    total = len(chunk) * 8
    count = total // width
    return [(number >> (total - width * (n + 1))) & ((1 << width) - 1) for n in range(count)]


_FIVE = {0: "-", **{n: chr(0x40 + n) for n in range(1, 27)}, 27: ":", 31: ""}


def _six(value: int) -> str:
    if value == 33:
        return "\x04"  # end of transmission: the rest is padding
    return chr(0x40 + value) if value < 32 else chr(value)


def _six_code(char: str) -> int | None:
    code = ord(char)
    if 0x40 <= code <= 0x5F:
        return code - 0x40
    if 0x20 <= code <= 0x3F and code not in range(33, 40):
        return code
    return None


# ---------------------------------------------------------------- the ISIL compaction (OID 3)
_UPPER, _LOWER, _DIGIT = 0, 1, 2


def isil_decode(chunk: bytes) -> str:
    bits = "".join(f"{b:08b}" for b in chunk)
    out: list[str] = []
    mode = shift_back = _UPPER
    shifted = False
    at = 0
    while True:
        width = 4 if mode == _DIGIT else 5
        if at + width > len(bits):
            break
        value = int(bits[at : at + width], 2)
        at += width
        if mode == _DIGIT:
            if value <= 9:
                out.append(str(value))
            elif value == 10:
                out.append("-")
            elif value == 11:
                out.append(":")
            else:
                if len(bits) - at < 5:
                    break  # padding of ones
                target = _UPPER if value in (12, 13) else _LOWER
                if value in (13, 15):
                    shift_back, shifted = mode, True
                mode = target
                continue
        else:
            if value == 0:
                out.append("-")
            elif value <= 26:
                out.append(chr((0x41 if mode == _UPPER else 0x61) + value - 1))
            elif value == 27:
                out.append(":" if mode == _UPPER else "/")
            else:
                if len(bits) - at < (4 if value >= 30 else 5):
                    break  # padding of ones: no character of the next set fits
                other = _LOWER if mode == _UPPER else _UPPER
                target = other if value in (28, 29) else _DIGIT
                if value in (29, 31):
                    shift_back, shifted = mode, True
                mode = target
                continue
        if shifted:
            mode, shifted = shift_back, False
    return "".join(out)


def _isil_set(char: str) -> int | None:
    """The character set a character of an ISIL is in; None for the hyphen (in all)."""
    if char == "-":
        return None
    if char.isdigit():
        return _DIGIT
    if char.islower() or char == "/":
        return _LOWER
    if char.isupper() or char == ":":
        return _UPPER
    raise ValueError(f"an ISIL cannot hold {char!r}")


def isil_encode(isil: str) -> bytes:
    """The ISIL compaction of ISO 28560-2: upper, lower and digit sets; a single character of
    another set is shifted to, a run of them latched to. Padded with ones to a whole byte."""
    bits: list[str] = []
    mode = _UPPER
    for n, char in enumerate(isil):
        want = _isil_set(char)
        current = mode
        if want is not None and want != mode:
            after = _isil_set(isil[n + 1]) if n + 1 < len(isil) else None
            shift = after != want
            if mode == _DIGIT:
                code = (13 if shift else 12) if want == _UPPER else (15 if shift else 14)
                bits.append(f"{code:04b}")
            else:
                code = (29 if shift else 28) if want != _DIGIT else (31 if shift else 30)
                bits.append(f"{code:05b}")
            current = want
            if not shift:
                mode = want
        if current == _DIGIT:
            value = 10 if char == "-" else 11 if char == ":" else int(char)
            bits.append(f"{value:04b}")
        elif char == "-":
            bits.append("00000")
        elif char in ":/":
            bits.append(f"{27:05b}")
        elif char.isascii() and char.isalpha():
            bits.append(f"{ord(char.upper()) - 0x40:05b}")
        else:
            raise ValueError(f"an ISIL cannot hold {char!r}")
    text = "".join(bits)
    text += "1" * (-len(text) % 8)
    return int(text, 2).to_bytes(len(text) // 8, "big") if text else b""


# ---------------------------------------------------------------- encoding
def encode_part3(tag: TagData, *, memory: int = BASIC_BLOCK) -> bytes:
    """The 28560-3 basic block for ``tag`` (``memory`` 32: cut for a small tag)."""
    raw_id = tag.item_id.encode("ascii")
    if not raw_id or len(raw_id) > ID_LENGTH:
        raise ValueError(f"an item identifier of 1 to {ID_LENGTH} ASCII characters, not {raw_id!r}")
    if not (1 <= tag.part <= tag.parts <= 255):
        raise ValueError(f"part {tag.part} of {tag.parts} is not a part of a set")
    owner = tag.owner.replace("-", "", 1).encode("ascii")
    if len(owner) > BASIC_BLOCK - 21:
        raise ValueError(f"the ISIL {tag.owner!r} is too long for the basic block")
    block = bytearray(BASIC_BLOCK)
    block[0] = 0x10 | (tag.usage & 0x0F)
    block[1], block[2] = tag.parts, tag.part
    block[3 : 3 + len(raw_id)] = raw_id
    block[21 : 21 + len(owner)] = owner
    crc = _part3_crc(bytes(block[:memory]))
    block[19], block[20] = crc & 0xFF, crc >> 8
    return bytes(block[:memory])


def _data_set(oid: int, scheme: int, payload: bytes) -> bytes:
    if not 1 <= oid <= 14:
        raise ValueError(f"relative OID {oid} is not written by this encoder")
    if len(payload) > 127:
        raise ValueError("a data set of more than 127 bytes")
    return bytes([(scheme << 4) | oid, len(payload)]) + payload


def _compact_text(text: str) -> tuple[int, bytes]:
    """The tightest of integer, 6-bit, 7-bit, octet and UTF-8 that holds ``text``."""
    if text.isdigit() and text.isascii() and not text.startswith("0"):
        number = int(text)
        return 1, number.to_bytes(max(1, (number.bit_length() + 7) // 8), "big")
    codes = [_six_code(c) for c in text]
    if all(c is not None for c in codes):
        return 4, _pack([c for c in codes if c is not None], 6)
    if text.isascii():
        return 5, _pack([ord(c) for c in text], 7)
    try:
        return 6, text.encode("latin-1")
    except UnicodeEncodeError:
        return 7, text.encode("utf-8")


def _pack(values: list[int], width: int) -> bytes:
    """Values packed from the high bit; 6-bit text is padded with the start of its
    end-of-transmission code (100001), 7-bit with zeros (NUL, skipped when read)."""
    bits = "".join(f"{v:0{width}b}" for v in values)
    pad = -len(bits) % 8
    bits += ("100001" + "00")[:pad] if width == 6 else "0" * pad
    return int(bits, 2).to_bytes(len(bits) // 8, "big") if bits else b""


def encode_part2(tag: TagData) -> bytes:
    """``tag`` as ISO 28560-2 data sets: item identifier, content parameter, owner ISIL, set
    information, type of usage, ended by a zero precursor."""
    scheme, payload = _compact_text(tag.item_id)
    out = bytearray(_data_set(1, scheme, payload))
    present = {3: bool(tag.owner), 4: tag.parts > 1, 5: True}
    bitmap = 0
    for oid, there in present.items():
        if there:
            bitmap |= 0x80 >> (oid - 3)
    out += _data_set(2, 0, bytes([bitmap]))
    if tag.owner:
        out += _data_set(3, 0, isil_encode(tag.owner))
    if tag.parts > 1:
        if not 1 <= tag.part <= tag.parts <= 255:
            raise ValueError(f"part {tag.part} of {tag.parts} is not a part of a set")
        width = len(str(tag.parts))  # "32": part 2 of 3; "1203": part 3 of 12
        digits = f"{tag.parts}{tag.part:0{width}d}"
        number = int(digits)
        out += _data_set(4, 1, number.to_bytes((number.bit_length() + 7) // 8, "big"))
    out += _data_set(5, 1, bytes([tag.usage & 0xFF]))
    out.append(0)
    return bytes(out)


@dataclass(frozen=True, slots=True)
class DutchProfile:
    """The conventions of Dutch public libraries' tags: an ISIL beginning ``NL-``, the item
    identifier as the library system knows it, the AFI as security flag (0x07 in the library,
    0xC2 on loan), 28560-3 for new tags."""

    isil: str
    format: Format = Format.PART3
    afi_in_library: int = AFI_IN_LIBRARY
    afi_on_loan: int = AFI_ON_LOAN

    def __post_init__(self) -> None:
        if not self.isil.startswith("NL-") or len(self.isil) > 14:
            raise ValueError(f"a Dutch library's ISIL begins with 'NL-', not {self.isil!r}")

    def encode(self, item_id: str, *, parts: int = 1, part: int = 1) -> bytes:
        tag = TagData(item_id, self.isil, parts, part, USAGE_CIRCULATION, self.format)
        if self.format is Format.PART2:
            return encode_part2(replace(tag, usage=USAGE_CIRCULATION << 4))
        return encode_part3(tag)

    def ours(self, tag: TagData) -> bool:
        """The tag belongs to this library (or does not say whose it is)."""
        return not tag.owner or tag.owner == self.isil
