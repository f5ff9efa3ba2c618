"""``kiosk screenshots`` renders every screen a member meets, offscreen, as real PNG images."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk.harness import screenshots


@pytest.mark.usefixtures("qapp")
def test_every_screen_is_rendered_in_the_language_asked(tmp_path: Path) -> None:
    args = argparse.Namespace(out=tmp_path, languages="en", looks="normal")
    out = io.StringIO()
    assert screenshots.run(args, out, io.StringIO()) == 0
    shots = sorted((tmp_path / "en" / "normal").glob("*.png"))
    names = [p.stem.split("-", 1)[1] for p in shots]
    for screen in ("idle", "privacy", "card-entry", "pin", "home", "confirm-fee", "return"):
        assert screen in names
    for screen in ("receipt", "goodbye", "home-holds", "home-blocked-fees", "out-of-service"):
        assert screen in names
    for screen in ("staff", "home-rfid-stack", "home-fees-to-pay", "pay-confirm", "paying"):
        assert screen in names
    for shot in shots:
        image = QImage(str(shot))
        assert (image.width(), image.height()) >= (800, 800), shot.name
        # not a blank window: the screen drew something in more than one colour
        grid = [(x, y) for x in range(0, image.width(), 13) for y in range(0, image.height(), 11)]
        colours = {image.pixel(x, y) for x, y in grid}
        assert len(colours) > 2, shot.name


def test_an_unknown_language_or_look_is_refused(tmp_path: Path) -> None:
    err = io.StringIO()
    args = argparse.Namespace(out=tmp_path, languages="fr", looks="normal")
    assert screenshots.run(args, io.StringIO(), err) == 2
    assert "unknown language or look: fr" in err.getvalue()
