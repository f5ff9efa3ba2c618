"""P3 and P13 on the real kiosk: after every way a session can end, nothing of the member is
held anywhere in the UI (the harness walks every QML item, model and view-model property for
their name, card number, PIN, e-mail and titles); a PIN typed wrong too often locks the card at
the kiosk and sends the member to the desk."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kiosk.harness.runner import Harness, Options
from kiosk.harness.scenario import parse

CHLOE = [{"present_card": "2100000000001"}, {"type_pin": "1234"}, {"expect_screen": "home"}]
BORROWED = [*CHLOE, {"scan": "3100000000004"}, {"expect_message": "Checked out"}]
GONE = [{"expect_no_personal_data": True}]

ENDINGS: dict[str, list[dict[str, Any]]] = {
    "done_with_a_printed_receipt": [
        *BORROWED,
        {"tap": "doneButton"},
        {"tap": "receiptPrint"},
        {"expect_screen": "goodbye"},
    ],
    "done_without_a_receipt": [
        *BORROWED,
        {"tap": "doneButton"},
        {"tap": "receiptNo"},
        {"expect_screen": "goodbye"},
    ],
    "card_removed_at_home": [*BORROWED, {"remove_card": True}, {"expect_screen": "goodbye"}],
    "card_removed_at_the_pin": [
        {"present_card": "2100000000001"},
        {"expect_screen": "pin"},
        {"remove_card": True},
    ],
    "card_removed_on_the_receipt_screen": [
        *BORROWED,
        {"tap": "doneButton"},
        {"expect_screen": "receipt"},
        {"remove_card": True},
        {"expect_screen": "goodbye"},
    ],
    "card_removed_while_returning": [
        *BORROWED,
        {"tap": "homeReturnButton"},
        {"scan": "3100000000001"},
        {"remove_card": True},
        {"expect_screen": "goodbye"},
    ],
    "timeout_at_home": [*BORROWED, {"advance": 91}, {"expect_screen": "goodbye"}],
    "timeout_at_the_pin": [
        {"present_card": "2100000000001"},
        {"expect_screen": "pin"},
        {"advance": 31},
    ],
    "timeout_at_the_fee_question": [
        *CHLOE,
        {"scan": "3100000000009"},
        {"expect_screen": "confirm_fee"},
        {"advance": 31},
        {"expect_screen": "goodbye"},
    ],
    "timeout_on_the_receipt_screen": [
        *BORROWED,
        {"tap": "doneButton"},
        {"expect_screen": "receipt"},
        {"advance": 31},
        {"expect_screen": "goodbye"},
    ],
    "cancel_at_the_pin": [
        {"present_card": "2100000000001"},
        {"expect_screen": "pin"},
        {"tap": "pinCancel"},
    ],
    "refused_card": [{"present_card": "2100000000010"}, {"expect_screen": "idle"}],
    "the_next_members_card": [
        *BORROWED,
        {"remove_card": True},
        {"present_card": "2100000000002"},
        {"expect_screen": "home"},
        {"tap": "doneButton"},
        {"expect_screen": "goodbye"},
    ],
    "anonymous_returns_timing_out": [
        {"tap": "returnButton"},
        {"scan": "3100000000001"},
        {"expect_text": "Tirza"},
        {"advance": 61},
        {"expect_screen": "goodbye"},
        {"expect_no_text": "Tirza"},
    ],
}


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("ending", sorted(ENDINGS))
def test_p3_nothing_of_the_member_is_held_after_the_session_ends(
    ending: str, tmp_path: Path
) -> None:
    steps = [*ENDINGS[ending], *GONE, {"advance": 10}, {"expect_screen": "idle"}, *GONE]
    scenario = parse({"name": ending, "step": steps}, f"{ending}.toml")
    [result] = Harness(Options(out=tmp_path)).run([scenario])
    assert result.passed, (tmp_path / "transcript.txt").read_text(encoding="utf-8")


@pytest.mark.usefixtures("qapp")
def test_p3_the_walk_does_find_the_member_while_they_are_there(tmp_path: Path) -> None:
    """The check above is not blind: during the session it finds the member."""
    steps = [*BORROWED, *GONE]
    scenario = parse({"name": "still there", "step": steps}, "still-there.toml")
    [result] = Harness(Options(out=tmp_path)).run([scenario])
    assert not result.passed
    assert "personal data still held" in result.steps[-1].error


@pytest.mark.usefixtures("qapp")
def test_p13_wrong_pins_lock_the_card_at_the_kiosk_and_send_the_member_to_the_desk(
    tmp_path: Path,
) -> None:
    steps: list[dict[str, Any]] = [{"present_card": "2100000000001"}]
    for pin in ("1111", "2222", "3333"):
        steps += [{"type_pin": pin}, {"wait_ms": 100}]
    steps += [
        {"expect_screen": "idle"},
        {"expect_message": "Please ask at the desk."},
        {"remove_card": True},
        {"advance": 15},
        {"present_card": "2100000000001"},
        {"expect_screen": "idle"},
        {"expect_message": "locked"},
        *GONE,
    ]
    scenario = parse({"name": "locked", "step": steps}, "locked.toml")
    [result] = Harness(Options(out=tmp_path)).run([scenario])
    assert result.passed, (tmp_path / "transcript.txt").read_text(encoding="utf-8")
    # No way to reset a PIN exists at the kiosk: nothing on any screen offers one.
    text = (tmp_path / "transcript.txt").read_text(encoding="utf-8").lower()
    assert "reset" not in text and "new pin" not in text
