"""Recording fakes and simulators for every device port.

Demo mode, the harness and the tests use these very objects: a test drives ``present()`` /
``scan()`` and asserts on ``printed``; the demo's simulator panel calls the same methods.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from hardware.ports import (
    CardPresented,
    CodeRead,
    DeviceHealth,
    Health,
    PaperState,
    PaymentOutcome,
    PaymentReply,
    PrinterStatus,
    PrintFailed,
    Receipt,
    TagGone,
    TerminalUnreachable,
)
from hardware.rfid import TagMemory


class FakeCardReader:
    name = "Simulated reader"

    def __init__(self) -> None:
        self._on_presented: Callable[[CardPresented], None] | None = None
        self._on_removed: Callable[[str], None] | None = None
        self.card: str | None = None
        self.running = False
        self.plugged = True

    def start(
        self,
        on_presented: Callable[[CardPresented], None],
        on_removed: Callable[[str], None],
    ) -> None:
        self._on_presented, self._on_removed = on_presented, on_removed
        self.running = True

    def stop(self) -> None:
        self.running = False
        self._on_presented = self._on_removed = None

    def health(self) -> DeviceHealth:
        if not self.plugged:
            return DeviceHealth("card_reader", Health.FAILED, "The card reader was unplugged")
        state = Health.OK if self.running else Health.FAILED
        return DeviceHealth("card_reader", state, "" if self.running else "not started")

    # -- simulation
    def unplug(self) -> None:
        """The reader vanishes: a card on it is gone, nothing is read until ``plug()``."""
        self.remove()
        self.plugged = False

    def plug(self) -> None:
        self.plugged = True

    def present(self, card_number: str) -> None:
        if not self.plugged:
            return  # nobody hears a card on an unplugged reader
        self.card = card_number
        if self._on_presented is not None:
            self._on_presented(CardPresented(card_number, card_number.encode(), self.name))

    def remove(self) -> None:
        if self.card is None:
            return
        self.card = None
        if self._on_removed is not None:
            self._on_removed(self.name)


class FakeScanner:
    def __init__(self) -> None:
        self._on_code: Callable[[CodeRead], None] | None = None
        self.running = False
        self.plugged = True

    def start(self, on_code: Callable[[CodeRead], None]) -> None:
        self._on_code = on_code
        self.running = True

    def stop(self) -> None:
        self.running = False
        self._on_code = None

    def health(self) -> DeviceHealth:
        if not self.plugged:
            return DeviceHealth("scanner", Health.FAILED, "The barcode scanner is not connected")
        state = Health.OK if self.running else Health.FAILED
        return DeviceHealth("scanner", state, "" if self.running else "not started")

    def unplug(self) -> None:
        self.plugged = False

    def plug(self) -> None:
        self.plugged = True

    def scan(self, code: str, symbology: str | None = None) -> None:
        if self._on_code is not None and self.plugged:
            self._on_code(CodeRead(code, symbology, "simulator"))


class RecordingPrinter:
    """Keeps every receipt (or the last ``keep``: a demo kiosk runs for weeks); paper and cover
    state can be set to simulate faults. ``count`` is how many were printed in all."""

    def __init__(self, keep: int | None = None) -> None:
        if keep is not None and keep < 1:
            raise ValueError("keep must be at least 1")
        self.printed: list[Receipt] = []
        self.count = 0
        self._keep = keep
        self.paper = PaperState.OK
        self.online = True
        self.cover_open = False
        self._lock = threading.Lock()

    def print_receipt(self, receipt: Receipt) -> None:
        if not self.online or self.paper is PaperState.OUT or self.cover_open:
            raise PrintFailed("printer cannot print: " + self.health().reason, self.status())
        with self._lock:
            self.printed.append(receipt)
            self.count += 1
            if self._keep is not None and len(self.printed) > self._keep:
                del self.printed[: len(self.printed) - self._keep]

    def status(self) -> PrinterStatus:
        return PrinterStatus(self.online, self.paper, self.cover_open)

    def health(self) -> DeviceHealth:
        if self.paper is PaperState.OUT:
            return DeviceHealth("printer", Health.FAILED, "paper out", "paper_out")
        if self.cover_open:
            return DeviceHealth("printer", Health.FAILED, "cover open", "cover_open")
        if not self.online:
            return DeviceHealth("printer", Health.FAILED, "printer offline", "offline")
        if self.paper is PaperState.NEAR_END:
            return DeviceHealth("printer", Health.DEGRADED, "paper near end", "paper_near_end")
        return DeviceHealth("printer", Health.OK)

    def text(self) -> list[str]:
        """Every printed receipt as plain text, for assertions."""
        out = []
        for r in self.printed:
            out.append("\n".join([*r.header, *(line.text for line in r.lines), *r.footer]))
        return out

    def render_text(self, index: int = -1, *, paper_mm: int = 80) -> str:
        """A printed receipt laid out as the ESC/POS printer prints it (cuts, wraps, columns).

        A receipt's logo shows as a ``[logo]`` line at the top.
        """
        from hardware.escpos_printer import COLUMNS, layout

        return "\n".join(layout(self.printed[index], COLUMNS[paper_mm]))

    def render_png(self, index: int = -1, *, paper_mm: int = 80) -> bytes:
        """The same as a PNG image (monospace text on a paper-wide strip), for demos and docs.

        The logo is drawn at the top as the printer prints it (scaled to the paper, dithered),
        in proportion to the text; a logo that cannot be read stays the ``[logo]`` line.
        """
        import io

        from PIL import Image, ImageDraw, ImageFont

        from hardware.escpos_printer import COLUMNS, PRINTABLE_DOTS, LogoError, load_logo

        receipt = self.printed[index]
        lines = self.render_text(index, paper_mm=paper_mm).splitlines() or [""]
        font = ImageFont.load_default()
        step_x, step_y = 7, 14
        logo: Image.Image | None = None
        if receipt.logo:
            try:
                strip = load_logo(receipt.logo, dots=PRINTABLE_DOTS[paper_mm])
            except LogoError:
                pass
            else:
                # The strip is the paper's width; the text's paper width is COLUMNS * step_x.
                paper_px = COLUMNS[paper_mm] * step_x
                height = max(1, round(strip.height * paper_px / strip.width))
                logo = strip.convert("L").resize((paper_px, height), Image.Resampling.BOX)
                lines = lines[1:]  # the image instead of the "[logo]" line
        top = 10 + (logo.height + 4 if logo is not None else 0)
        width = max(len(line) for line in lines) * step_x + 20 if lines else 0
        if logo is not None:
            width = max(width, logo.width + 20)
        image = Image.new("L", (max(width, 200), top + len(lines) * step_y + 10), 255)
        if logo is not None:
            image.paste(logo, (10, 10))
        draw = ImageDraw.Draw(image)
        for n, line in enumerate(lines):
            draw.text((10, top + n * step_y), line, fill=0, font=font)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        return buffer.getvalue()


class RecordingIndicator:
    def __init__(self) -> None:
        self.signals: list[str] = []

    def signal(self, kind: str) -> None:
        self.signals.append(kind)


class FakePaymentTerminal:
    """A payment terminal with scripted outcomes, for tests, the harness and the demo.

    ``script`` holds the outcomes of the next ``pay`` calls in order (``"approved"``,
    ``"declined"``, ``"cancelled"``, ``"error"``, ``"uncertain"``: an error after which nobody
    knows whether money was taken, ``"broken"``: the line breaks mid-transaction, or
    ``"unreachable"``: ``TerminalUnreachable``); once it is empty every
    payment ends as ``otherwise`` says (approved, unless set). ``calls`` records what the
    terminal was given: amount, reference and currency, which is all a terminal ever gets
    (P10). ``hold()`` keeps the next payment waiting (the member at the terminal) until
    ``release()``.
    """

    name = "Simulated payment terminal"

    def __init__(self, script: list[str] | None = None) -> None:
        self.script: list[str] = list(script or [])
        self.otherwise = "approved"
        self.calls: list[tuple[int, str, str]] = []
        self.plugged = True
        self._gate = threading.Event()
        self._gate.set()
        self._lock = threading.Lock()
        self._count = 0

    def pay(self, amount: int, reference: str, *, currency: str = "EUR") -> PaymentReply:
        if not self.plugged:
            raise TerminalUnreachable("the payment terminal does not answer")
        if amount <= 0:
            raise ValueError("a payment's amount must be positive")
        with self._lock:
            self.calls.append((amount, reference, currency))
            self._count += 1
            number = self._count
            step = self.script.pop(0) if self.script else self.otherwise
        if not self._gate.wait(timeout=60):
            return PaymentReply(PaymentOutcome.ERROR, message="nobody finished at the terminal")
        if step == "unreachable":
            raise TerminalUnreachable("the payment terminal does not answer")
        if step == "broken":
            raise ConnectionResetError("the line to the terminal broke mid-transaction")
        if step == "uncertain":
            return PaymentReply(
                PaymentOutcome.ERROR, uncertain=True, message="the connection broke off"
            )
        outcome = PaymentOutcome(step)
        if outcome is not PaymentOutcome.APPROVED:
            return PaymentReply(outcome, message=f"simulated: {outcome.value}")
        euros = f"{amount // 100},{amount % 100:02d}"
        transaction = f"SIM{number:06d}"
        receipt = (
            "BETAALAUTOMAAT (simulatie)",
            f"Transactie {transaction}",
            f"Referentie {reference}",
            f"Bedrag {currency} {euros}",
            "Kaart ****",
            "AKKOORD",
        )
        return PaymentReply(outcome, receipt=receipt, transaction=transaction)

    def health(self) -> DeviceHealth:
        if not self.plugged:
            return DeviceHealth(
                "payment terminal", Health.FAILED, "The payment terminal does not answer", "offline"
            )
        return DeviceHealth("payment terminal", Health.OK)

    def close(self) -> None:
        self.release()

    # -- simulation
    def hold(self) -> None:
        self._gate.clear()

    def release(self) -> None:
        self._gate.set()

    def unplug(self) -> None:
        self.plugged = False

    def plug(self) -> None:
        self.plugged = True


class FakeTag:
    """A simulated ISO 15693 tag: a UID, user memory and the system values."""

    def __init__(
        self,
        uid: str,
        data: bytes,
        *,
        afi: int = 0x07,
        eas: bool = True,
        dsfid: int | None = None,
        failing_reads: int = 0,
    ) -> None:
        self.uid = uid
        self.data = data
        self.afi = afi
        self.eas = eas
        self.dsfid = dsfid
        #: reads that fail before one works (a tag at the edge of the field)
        self.failing_reads = failing_reads


class FakeTagReader:
    """A simulated RFID reader (``hardware.rfid.TagReader``) with tags that can be placed on
    its pad and lifted off, also in the middle of a write (``lift_on_write``)."""

    def __init__(self) -> None:
        self.tags: dict[str, FakeTag] = {}
        self.plugged = True
        #: UIDs lifted off the pad the moment the kiosk tries to write them
        self.lift_on_write: set[str] = set()
        self.writes: list[tuple[str, str, object]] = []
        self._lock = threading.Lock()

    # -- simulation
    def place(self, *tags: FakeTag) -> None:
        with self._lock:
            for tag in tags:
                self.tags[tag.uid] = tag

    def lift(self, *uids: str) -> list[FakeTag]:
        with self._lock:
            return [self.tags.pop(uid) for uid in uids if uid in self.tags]

    def clear(self) -> list[FakeTag]:
        return self.lift(*list(self.tags))

    def unplug(self) -> None:
        self.plugged = False

    def plug(self) -> None:
        self.plugged = True

    # -- TagReader
    def _tag(self, uid: str) -> FakeTag:
        if not self.plugged:
            raise OSError("the RFID reader is not connected")
        tag = self.tags.get(uid)
        if tag is None:
            raise TagGone(uid)
        return tag

    def inventory(self) -> list[str]:
        if not self.plugged:
            raise OSError("the RFID reader is not connected")
        with self._lock:
            return list(self.tags)

    def read(self, uid: str) -> TagMemory:
        tag = self._tag(uid)
        if tag.failing_reads > 0:
            tag.failing_reads -= 1
            raise OSError("no answer from the tag (simulated)")
        return TagMemory(tag.data, tag.dsfid, tag.afi, tag.eas)

    def _write(self, uid: str, what: str, value: object) -> FakeTag:
        tag = self._tag(uid)
        if uid in self.lift_on_write:
            self.lift_on_write.discard(uid)
            self.lift(uid)
            raise TagGone(uid)
        self.writes.append((uid, what, value))
        return tag

    def write_afi(self, uid: str, afi: int) -> None:
        self._write(uid, "afi", afi).afi = afi

    def write_eas(self, uid: str, on: bool) -> None:
        self._write(uid, "eas", on).eas = on

    def health(self) -> DeviceHealth:
        if not self.plugged:
            why = "The RFID reader is not connected"
            return DeviceHealth("rfid", Health.FAILED, why, "offline")
        return DeviceHealth("rfid", Health.OK)


def item_tag(
    uid: str,
    item_id: str,
    *,
    owner: str = "NL-0400090000",
    parts: int = 1,
    part: int = 1,
    lent: bool = False,
    **kwargs: object,
) -> FakeTag:
    """A tag as a Dutch library writes it (ISO 28560-3), secured unless ``lent``."""
    from hardware.iso28560 import AFI_IN_LIBRARY, AFI_ON_LOAN, TagData, encode_part3

    data = encode_part3(TagData(item_id, owner, parts, part))
    afi = AFI_ON_LOAN if lent else AFI_IN_LIBRARY
    return FakeTag(uid, data, afi=afi, eas=not lent, **kwargs)  # type: ignore[arg-type]
