"""PRIVACY.md at the screen: each rule a named test on the real QML (see also
test_skeleton_session.py for P3, test_receipt_screen.py and the emupos tests for P4, and the
scenario library for P9 and P13)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import GuiDriver, _make_ui
from pytestqt.qtbot import QtBot

from hardware.fakes import FakeCardReader
from kiosk.ui.app import KioskUi, UiSettings


@pytest.fixture
def private_gui(  # type: ignore[no-untyped-def]
    qtbot: QtBot, qapp, library, devices, clock, tmp_path: Path
) -> Iterator[GuiDriver]:
    (tmp_path / "statement-nl.txt").write_text("Wij gaan zorgvuldig om met je gegevens.", "utf-8")
    (tmp_path / "statement-en.txt").write_text("We handle your data with care.", "utf-8")
    settings = UiSettings(
        tick_ms=50,
        discreet_titles=True,
        shuffle_keypad=True,
        privacy_statements=tmp_path,
    )
    ui: KioskUi = _make_ui(qtbot, library, devices, clock, settings=settings)
    try:
        yield GuiDriver(qtbot, ui)
    finally:
        library.release()
        ui.close()


def _pin_keys(gui: GuiDriver) -> list[str]:
    return [str(k) for k in gui.session.property("pinKeys")]


def test_p2_titles_start_hidden_until_the_member_taps(  # type: ignore[no-untyped-def]
    private_gui: GuiDriver, reader: FakeCardReader, person
) -> None:
    gui = private_gui
    reader.present(person.no_pin_card)
    gui.wait_screen("home")
    reader.remove()
    gui.wait_screen("goodbye")
    reader.present(person.card)
    gui.wait_screen("pin")
    gui.type_digits("pin", person.pin)
    gui.tap("pinKeyOk")
    gui.wait_screen("home")
    assert not any(title in gui.all_strings() for title in person.loan_titles)
    assert "Title hidden" in gui.visible_texts()
    gui.tap("showTitlesButton")
    gui.wait_until(lambda: set(person.loan_titles) <= set(gui.visible_texts()))
    reader.remove()
    gui.wait_screen("goodbye")
    assert gui.session.property("titlesHidden") is True  # the next member starts discreet


def test_p2_the_pin_keypad_is_shuffled_each_time_and_the_pin_never_echoed(  # type: ignore[no-untyped-def]
    private_gui: GuiDriver, reader: FakeCardReader, person
) -> None:
    gui = private_gui
    orders = []
    for _ in range(4):
        reader.present(person.card)
        gui.wait_screen("pin")
        keys = _pin_keys(gui)
        assert sorted(keys) == list("0123456789")
        orders.append(tuple(keys))
        gui.type_digits("pin", person.pin)  # taps each digit where it is now
        assert not any(person.pin in text for text in gui.visible_texts())
        gui.tap("pinCancel")
        reader.remove()
        gui.wait_until(lambda: gui.screen() in ("idle", "goodbye"))
        if gui.screen() == "goodbye":
            gui.tap("goodbyeNext")
        gui.wait_screen("idle")
    # Ten digits in random order: four times the same order is a 1 in (10!)^3 event.
    assert len(set(orders)) > 1


def test_p11_the_privacy_page_shows_the_librarys_statement_in_the_kiosks_language(
    private_gui: GuiDriver,
) -> None:
    gui = private_gui
    gui.tap("privacyButton")
    gui.wait_until(lambda: gui.find("privacyStatement") is not None)
    gui.wait_until(lambda: gui.text_of("privacyStatement") == "We handle your data with care.")
    assert "Your privacy at this kiosk" in gui.visible_texts()
    assert any("forgets everything about you" in text for text in gui.visible_texts())
    gui.tap("privacyClose")
    gui.wait_until(lambda: gui.text_of("privacyStatement") == "")  # read when opened, not kept
    assert "Your privacy at this kiosk" not in gui.visible_texts()


def test_p1_the_home_screen_shows_no_family_name_email_or_full_card_number(  # type: ignore[no-untyped-def]
    gui, reader: FakeCardReader, person
) -> None:
    reader.present(person.card)
    gui.wait_screen("pin")
    gui.type_digits("pin", person.pin)
    gui.tap("pinKeyOk")
    gui.wait_screen("home")
    shown = gui.visible_texts()
    assert f"Hello, {person.given}" in shown
    assert not any(person.family in text for text in shown)
    assert not any(person.card in text or person.card[-8:] in text for text in shown)
    assert not any("@" in text for text in shown)
