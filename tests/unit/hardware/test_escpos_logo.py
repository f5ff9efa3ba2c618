"""The receipt logo: prepared with Pillow, sent as a raster image, left out when unreadable.

The bytes are checked here; tests/integration/test_escpos_emupos.py prints a logo on the
emulated printer and looks at the paper.
"""

from __future__ import annotations

import io
import logging
import os
from datetime import datetime
from pathlib import Path

import pytest
from escpos.printer import Dummy
from PIL import Image, ImageDraw

from hardware.escpos_printer import (
    LOGO_MAX_HEIGHT,
    PRINTABLE_DOTS,
    EscposPrinter,
    LogoError,
    PrinterSettings,
    layout,
    load_logo,
    render,
    render_bytes,
)
from hardware.fakes import RecordingPrinter
from hardware.ports import Health, Receipt, ReceiptLine

RASTER = b"\x1dv0\x00"  # GS v 0, normal density
CENTRE = b"\x1ba\x01"
CUT = b"\x1dV\x00"


def receipt(logo: str | Path | None = None) -> Receipt:
    return Receipt(
        header=("Bibliotheek Café",),
        lines=(ReceiptLine("Pas: *********4567"), ReceiptLine("Max Havelaar\t12-03-2025")),
        footer=("Dank u wel!",),
        printed_at=datetime(2025, 3, 1, 14, 5),
        logo=None if logo is None else str(logo),
    )


def make_logo(path: Path, size: tuple[int, int] = (120, 60), *, fmt: str = "PNG") -> Path:
    """A black box with a white bar across it."""
    image = Image.new("RGB", size, "black")
    ImageDraw.Draw(image).rectangle(
        (size[0] // 4, size[1] // 3, 3 * size[0] // 4, 2 * size[1] // 3), fill="white"
    )
    image.save(path, format=fmt)
    return path


def raster(data: bytes) -> tuple[int, int, bytes]:
    """(width in dots, height, bits) of the first GS v 0 image in ``data``."""
    at = data.index(RASTER) + len(RASTER)
    width_bytes = int.from_bytes(data[at : at + 2], "little")
    height = int.from_bytes(data[at + 2 : at + 4], "little")
    bits = data[at + 4 : at + 4 + width_bytes * height]
    assert len(bits) == width_bytes * height
    return width_bytes * 8, height, bits


# ---------------------------------------------------------------------------------- rendering


@pytest.mark.parametrize(("width", "paper_mm"), [(48, 80), (32, 58)])
def test_the_logo_is_a_raster_image_before_the_header(
    tmp_path: Path, width: int, paper_mm: int
) -> None:
    logo = make_logo(tmp_path / "logo.png")
    out = render_bytes(receipt(logo), width=width)
    assert out.count(RASTER) == 1
    assert out.index(CENTRE + RASTER) < out.index(b"Bibliotheek Caf\x82")
    dots, height, bits = raster(out)
    assert dots == PRINTABLE_DOTS[paper_mm]  # a strip the paper's width, the logo centred in it
    assert height == 60  # never scaled up
    row = bits[30 * dots // 8 : 31 * dots // 8]  # a row through the white bar
    left = (dots - 120) // 2
    black = [i for i in range(dots) if row[i // 8] & (0x80 >> (i % 8))]  # a set bit is black
    assert black[0] == left and black[-1] == left + 119
    assert len(black) < 120  # the white bar
    # the rest of the receipt is as without a logo
    assert out.endswith(CUT)
    plain = render_bytes(receipt(), width=width)
    assert out.startswith(plain[:5]) and out.endswith(plain[5:])  # after ESC @ and the code page


@pytest.mark.parametrize("paper_mm", [58, 80])
def test_a_large_logo_is_scaled_down_to_the_paper_and_keeps_its_shape(
    tmp_path: Path, paper_mm: int
) -> None:
    dots = PRINTABLE_DOTS[paper_mm]
    wide = load_logo(make_logo(tmp_path / "wide.png", (2000, 500)), dots=dots)
    assert wide.mode == "1"
    assert wide.size == (dots, round(500 * dots / 2000))
    tall = load_logo(make_logo(tmp_path / "tall.png", (300, 900)), dots=dots)
    assert tall.height == LOGO_MAX_HEIGHT
    content = Image.eval(tall.convert("L"), lambda v: 255 - v).getbbox()
    assert content is not None
    assert content[2] - content[0] == 67  # 300 * 200 / 900, centred
    assert abs(content[0] - (dots - 67) // 2) <= 1
    out = render_bytes(receipt(tmp_path / "wide.png"), width=32 if paper_mm == 58 else 48)
    assert raster(out)[0] <= dots


def test_the_profile_narrows_the_logo_and_nothing_is_printed_to_stdout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    logo = make_logo(tmp_path / "logo.png", (1000, 100))
    assert raster(render_bytes(receipt(logo), profile="TM-T88V"))[0] == 512  # 180 dpi printer
    assert raster(render_bytes(receipt(logo), profile="TM-T20II"))[0] == 576
    assert raster(render_bytes(receipt(logo)))[0] == 576  # "default": width unknown
    assert capsys.readouterr().out == ""  # python-escpos's notice about an unknown width


def test_a_printer_without_raster_images_gets_column_images_and_one_without_images_none(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    logo = make_logo(tmp_path / "logo.png")
    column = render_bytes(receipt(logo), profile="TM-U220")  # an impact printer: ESC *
    assert RASTER not in column and b"\x1b*!" in column
    with caplog.at_level(logging.WARNING, logger="hardware.escpos"):
        none = render_bytes(receipt(logo), profile="AF-240")  # a customer display
    assert b"\x1b*" not in none and RASTER not in none
    assert f"the receipt logo {logo} is left out: this printer cannot print images" in caplog.text


def test_render_on_a_printer_object_leaves_its_profile_as_it_was(tmp_path: Path) -> None:
    dummy = Dummy()
    profile = dummy.profile
    try:
        render(receipt(make_logo(tmp_path / "logo.png")), dummy, width=48)
        assert RASTER in dummy.output
    finally:
        dummy.close()
    assert dummy.profile is profile


def test_grey_is_dithered_and_transparency_is_paper(tmp_path: Path) -> None:
    grey = tmp_path / "grey.png"
    Image.new("L", (64, 64), 128).save(grey)
    bits = load_logo(grey, dots=384).crop((160, 0, 224, 64))
    black = bits.histogram()[0]
    assert 0.35 < black / (64 * 64) < 0.65  # a pattern of dots, not all black or all white

    clear = tmp_path / "clear.png"
    image = Image.new("RGBA", (64, 64), (0, 0, 0, 0))  # transparent black
    ImageDraw.Draw(image).rectangle((0, 0, 31, 63), fill=(0, 0, 0, 255))
    image.save(clear)
    half = load_logo(clear, dots=384)
    assert half.crop((160, 0, 192, 64)).histogram()[0] == 32 * 64  # opaque half: black
    assert half.crop((192, 0, 224, 64)).histogram()[255] == 32 * 64  # transparent: paper


@pytest.mark.parametrize("fmt", ["JPEG", "BMP"])
def test_jpeg_and_bmp_logos_print_too(tmp_path: Path, fmt: str) -> None:
    logo = make_logo(tmp_path / f"logo.{fmt.lower()}", fmt=fmt)
    assert load_logo(logo, dots=576).size == (576, 60)


# ---------------------------------------------------------------------------------- the cache


def test_a_prepared_logo_is_reused_until_its_file_changes(tmp_path: Path) -> None:
    path = make_logo(tmp_path / "logo.png")
    first = load_logo(path, dots=576)
    assert load_logo(str(path), dots=576) is first  # no second decode, dither and scale
    render_bytes(receipt(path))
    assert load_logo(path, dots=576) is first
    assert load_logo(path, dots=384) is not first  # another paper width: prepared for it

    make_logo(path, (200, 40))
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    changed = load_logo(path, dots=576)
    assert changed is not first
    assert changed.height == 40


def test_reading_the_file_happens_once_for_many_receipts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_logo(tmp_path / "logo.png")
    opened: list[object] = []
    real_open = Image.open

    def counting_open(*args: object, **kwargs: object) -> Image.Image:
        opened.append(args[0])
        return real_open(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Image, "open", counting_open)
    for _ in range(5):
        assert RASTER in render_bytes(receipt(path))
    assert opened == [str(path)]


# ---------------------------------------------------------------------------------- failures


def test_a_missing_logo_leaves_the_rest_of_the_receipt_and_says_why(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    missing = tmp_path / "nowhere" / "logo.png"
    with caplog.at_level(logging.WARNING, logger="hardware.escpos"):
        out = render_bytes(receipt(missing))
    assert out == render_bytes(receipt())  # everything but the logo
    assert RASTER not in out
    [record] = caplog.records
    message = record.getMessage()
    assert f"the receipt logo {missing} could not be read: there is no such file" in message
    assert "4567" not in message and "Havelaar" not in message  # nothing from the receipt


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"not an image at all", "it is not a PNG, JPEG or BMP image"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "could not be read"),  # a damaged PNG
        (b"GIF89a" + b"\x00" * 20, "could not be read"),
    ],
)
def test_an_unreadable_logo_is_a_logo_error_for_staff(
    tmp_path: Path, content: bytes, why: str
) -> None:
    path = tmp_path / "logo.png"
    path.write_bytes(content)
    with pytest.raises(LogoError, match=why) as raised:
        load_logo(path, dots=576)
    assert raised.value.reason.startswith(f"the receipt logo {path} could not be read: ")
    assert render_bytes(receipt(path)) == render_bytes(receipt())


def test_a_gif_is_not_taken_and_a_folder_is_not_a_logo(tmp_path: Path) -> None:
    gif = tmp_path / "logo.gif"
    Image.new("L", (10, 10), 0).save(gif)
    with pytest.raises(LogoError, match="it is a GIF image, not a PNG, JPEG or BMP image"):
        load_logo(gif, dots=576)
    with pytest.raises(LogoError, match="folder"):
        load_logo(tmp_path, dots=576)


def test_the_printer_prints_without_a_missing_logo_and_health_says_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    lp0 = tmp_path / "lp0"
    lp0.touch()
    printer = EscposPrinter(PrinterSettings("file", device=str(lp0)))
    missing = tmp_path / "logo.png"
    with caplog.at_level(logging.WARNING, logger="hardware.escpos"):
        printer.print_receipt(receipt(missing))
        printer.print_receipt(receipt(missing))
    assert lp0.read_bytes() == render_bytes(receipt()) * 2  # printed, without the logo
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1  # once, not for every receipt
    assert "could not be read" in warnings[0]
    health = printer.health()
    assert health.state is Health.DEGRADED
    assert health.reason == f"the receipt logo {missing} could not be read: there is no such file"

    make_logo(missing)  # staff put the file in place: the next receipt has it, health is ok
    printer.print_receipt(receipt(missing))
    assert RASTER in lp0.read_bytes()
    assert printer.health().state is Health.OK


def test_a_failed_printer_keeps_its_own_reason_first(tmp_path: Path) -> None:
    printer = EscposPrinter(PrinterSettings("file", device=str(tmp_path / "gone" / "lp0")))
    with pytest.raises(OSError, match="cannot be reached"):
        printer.print_receipt(receipt(tmp_path / "logo.png"))
    health = printer.health()
    assert health.state is Health.FAILED
    assert health.reason.startswith("the receipt printer cannot be reached at ")
    logo = tmp_path / "logo.png"
    assert health.reason.endswith(
        f"; the receipt logo {logo} could not be read: there is no such file"
    )


# ---------------------------------------------------------------------------------- previews


def test_the_text_preview_shows_the_logo_at_the_top(tmp_path: Path) -> None:
    lines = layout(receipt(tmp_path / "logo.png"), 32)
    assert lines[0] == "[logo]".center(32).rstrip()
    assert lines[1:] == layout(receipt(), 32)


def test_the_recording_printer_shows_the_logo(tmp_path: Path) -> None:
    logo = make_logo(tmp_path / "logo.png", (576, 100))  # the whole paper width
    printer = RecordingPrinter()
    printer.print_receipt(receipt(logo))
    assert printer.render_text(paper_mm=58).splitlines()[0].strip() == "[logo]"
    image = Image.open(io.BytesIO(printer.render_png(paper_mm=58))).convert("L")
    inverted = Image.eval(image, lambda v: 255 - v)
    top = inverted.crop((0, 0, image.width, 10 + 50)).getbbox()
    assert top is not None
    assert top[:2] == (10, 10)  # the logo's black box at the top left of the text column
    assert top[2] - top[0] == 32 * 7  # scaled with the paper: 32 characters of 7 pixels

    printer.print_receipt(receipt(tmp_path / "missing.png"))
    assert printer.render_text().splitlines()[0].strip() == "[logo]"
    assert printer.render_png().startswith(b"\x89PNG")
