"""``kiosk screenshots --out DIR``: every screen in every language, offscreen, from fixture data.

For each language and each look (normal, large text, high contrast) a fresh kiosk over the demo
library walks through the screens a member meets, and each is saved as
``DIR/<language>/<look>/<NN-screen>.png``. The members and items are the demo data's
(``docs/demo-data.md``); the clock stands still at the harness's start, so the pictures are the
same on every run.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

LOOKS = ("normal", "large_text", "high_contrast")


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "screenshots",
        help="render every screen in every language offscreen (docs/screenshots)",
        description="Render every screen in every language and look, offscreen, as PNG files.",
    )
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="where to write")
    parser.add_argument(
        "--languages", default="", metavar="nl,en,...", help="only these (default: all)"
    )
    parser.add_argument(
        "--looks", default="", metavar="normal,...", help=f"only these of {', '.join(LOOKS)}"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QGuiApplication

    from kiosk.ui.i18n import LANGUAGES

    languages = [c for c in args.languages.split(",") if c] or list(LANGUAGES)
    looks = [look for look in args.looks.split(",") if look] or list(LOOKS)
    wrong = [c for c in languages if c not in LANGUAGES] + [x for x in looks if x not in LOOKS]
    if wrong:
        print(f"kiosk screenshots: unknown language or look: {', '.join(wrong)}", file=err)
        return 2
    app = QGuiApplication.instance() or QGuiApplication(["kiosk-screenshots"])
    started = time.perf_counter()
    count = 0
    for language in languages:
        for look in looks:
            folder = args.out / language / look
            folder.mkdir(parents=True, exist_ok=True)
            count += shoot(language, look, folder)
            print(f"{language}/{look}: done", file=out, flush=True)
    del app
    print(f"{count} screenshots in {time.perf_counter() - started:.0f} s: {args.out}", file=out)
    return 0


def shoot(language: str, look: str, folder: Path) -> int:
    """Walk one kiosk through its screens in ``language`` and ``look``; the number taken."""
    import tempfile

    from kiosk.domain.session import SetInService, SetOutOfService
    from kiosk.harness.runner import demo_kiosk
    from kiosk.ils.embedded.fixtures import DEMO_STAFF_CARD

    taken = 0
    with (
        tempfile.TemporaryDirectory(prefix="kiosk-screenshots-") as tmp,
        demo_kiosk(Path(tmp)) as kiosk,
    ):
        driver, ui = kiosk.driver, kiosk.ui
        accessibility = getattr(ui, "accessibility", None)
        if look != "normal" and accessibility is None:
            raise RuntimeError(f"this kiosk has no {look} look")

        def choose_look() -> None:
            if look == "large_text" and accessibility is not None:
                accessibility.set_large_text(True)
            if look == "high_contrast" and accessibility is not None:
                accessibility.set_high_contrast(True)

        choose_look()
        ui.session.chooseLanguage(language)

        def snap(name: str, before: Callable[[], None] | None = None) -> None:
            nonlocal taken
            if before is not None:
                before()
            driver.wait(150)  # let bindings, layouts and fonts settle
            taken += 1
            driver.screenshot(folder / f"{taken:02d}-{name}.png")

        def step(action: str, value: Any) -> None:
            from kiosk.harness.scenario import Step

            getattr(kiosk, f"_do_{action}")(Step(0, action, value))

        snap("idle")
        driver.tap("privacyButton")
        snap("privacy")
        driver.tap("privacyClose")
        driver.tap("typeCardButton")
        driver.wait_screen("card_entry")
        snap("card-entry")
        driver.type_digits("card", "2100000000001")
        driver.tap("cardKeyOk")
        driver.wait_screen("pin")
        driver.type_digits("pin", "12")
        snap("pin")
        driver.type_digits("pin", "34")
        driver.tap("pinKeyOk")
        driver.wait_screen("home")
        step("scan", "3100000000003")
        snap("home")
        step("scan", "3100000000009")
        driver.wait_screen("confirm_fee")
        snap("confirm-fee")
        driver.tap("feeYes")
        driver.wait_screen("home")
        driver.wait_until(lambda: not ui.session.property("busy"))
        driver.tap("homeReturnButton")
        driver.wait_screen("return")
        step("scan", "3100000000002")
        snap("return")
        driver.tap("returnDone")
        driver.wait_screen("home")
        driver.wait_until(lambda: not ui.session.property("busy"))
        driver.tap("doneButton")
        driver.wait_screen("receipt")
        snap("receipt")
        driver.tap("receiptPrint")
        driver.wait_screen("goodbye")
        snap("goodbye")
        step("advance", 10)
        driver.wait_screen("idle")
        ui.session.chooseLanguage(language)
        step("present_card", "2100000000006")
        driver.wait_screen("home")
        driver.tap("tabHolds")
        snap("home-holds")
        step("remove_card", True)
        step("advance", 10)
        ui.session.chooseLanguage(language)
        step("present_card", "2100000000003")
        driver.wait_screen("home")
        step("scan", "3100000000004")
        driver.tap("tabFees")
        snap("home-blocked-fees")
        step("remove_card", True)
        step("advance", 10)
        ui.session.chooseLanguage(language)
        ui.controller.dispatch(SetOutOfService(message=""))
        driver.wait_screen("out_of_service")
        snap("out-of-service")
        ui.controller.dispatch(SetInService())
        driver.wait_screen("idle")
        for _ in range(5):  # no staff PIN in the demo: the corner does nothing
            driver.tap("staffCorner")
        # Maintenance mode speaks the kiosk's language in the kiosk's look: as chosen here.
        ui.session.chooseLanguage(language)
        choose_look()
        step("present_card", DEMO_STAFF_CARD)
        driver.wait_screen("staff")
        devices = ui.staff.property("devices")
        # reader, scanner, printer, payment terminal and RFID pad
        driver.wait_until(lambda: devices.rowCount() == 5, what="the devices' health")
        snap("staff")
        driver.tap("staffLock")
        driver.wait_screen("idle")
        # A stack on the RFID pad: lent in one go, a course waiting for its third disc.
        ui.session.chooseLanguage(language)
        step("present_card", "2100000000006")
        driver.wait_screen("home")
        step("place_items", ("3100000000004", "3100000000005"))
        driver.wait_until(lambda: ui.session.checkouts_model.rowCount() == 2)
        step("place_items", ("3100000000014 1/3", "3100000000014 3/3"))
        snap("home-rfid-stack")
        step("lift_items", True)
        step("remove_card", True)
        step("advance", 10)
        # Paying fees: the total confirmed, then the terminal.
        ui.session.chooseLanguage(language)
        step("present_card", "2100000000003")
        driver.wait_screen("home")
        driver.tap("tabFees")
        snap("home-fees-to-pay")
        driver.tap("payButton")
        driver.wait_screen("pay_confirm")
        snap("pay-confirm")
        terminal = kiosk.devices.payment_terminal
        hold = getattr(terminal, "hold", None)
        if hold is not None:
            hold()  # the member at the terminal
        driver.tap("paymentConfirm")
        driver.wait_screen("paying")
        snap("paying")
        release = getattr(terminal, "release", None)
        if release is not None:
            release()
        driver.wait_screen("home")
        step("remove_card", True)
        step("advance", 10)
        driver.wait_screen("idle")
    return taken
