"""Scenario files: what is accepted, and errors that name the file, the step and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.harness.scenario import ACTIONS, ScenarioError, load, parse


def test_a_scenario_reads_with_its_steps_in_order() -> None:
    scenario = parse(
        {
            "name": "Borrow",
            "description": " what it shows ",
            "step": [
                {"present_card": "2100000000001"},
                {"expect_screen": "home", "timeout_ms": 5000},
                {"expect_receipt": "De avonden"},
                {"expect_receipt": ["a", "b"], "note": "both"},
                {"advance": 95.5},
                {"remove_card": True},
            ],
        },
        "borrow.toml",
    )
    assert scenario.name == "Borrow" and scenario.description == "what it shows"
    assert [s.action for s in scenario.steps] == [
        "present_card",
        "expect_screen",
        "expect_receipt",
        "expect_receipt",
        "advance",
        "remove_card",
    ]
    assert scenario.steps[1].timeout_ms == 5000
    assert scenario.steps[2].value == ("De avonden",)
    assert scenario.steps[3].value == ("a", "b") and scenario.steps[3].note == "both"
    assert scenario.steps[4].value == 95.5
    assert [s.number for s in scenario.steps] == [1, 2, 3, 4, 5, 6]
    assert scenario.slug == "borrow"


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"step": [{"tap": "x"}]}, "s.toml: name: needed"),
        ({"name": "n"}, "s.toml: step: needed"),
        ({"name": "n", "steps": []}, "s.toml: steps: unknown key"),
        ({"name": "n", "step": [{"jump": 1}]}, "s.toml: step 1: jump: unknown action"),
        ({"name": "n", "step": [{}]}, "s.toml: step 1: needs exactly one action, found none"),
        (
            {"name": "n", "step": [{"tap": "a"}, {"tap": "a", "scan": "b"}]},
            "s.toml: step 2: needs exactly one action, found tap, scan",
        ),
        ({"name": "n", "step": [{"scan": 31}]}, "s.toml: step 1: scan: must be a text"),
        ({"name": "n", "step": [{"type_pin": "12a4"}]}, "type_pin: must be digits only"),
        ({"name": "n", "step": [{"expect_screen": "shop"}]}, "expect_screen: must be one of"),
        ({"name": "n", "step": [{"printer": "on fire"}]}, "printer: must be one of ok"),
        ({"name": "n", "step": [{"remove_card": False}]}, "remove_card: must be true"),
        ({"name": "n", "step": [{"advance": -1}]}, "advance: must be a number from 0"),
        ({"name": "n", "step": [{"advance": True}]}, "advance: must be a number from 0"),
        ({"name": "n", "step": [{"expect_receipts": 1.5}]}, "expect_receipts: must be a number"),
        ({"name": "n", "step": [{"choose_language": "fr"}]}, "choose_language: must be one of"),
        ({"name": "n", "step": [{"tap": "a", "timeout_ms": 0}]}, "timeout_ms: must be whole"),
        ({"name": "n", "step": [{"expect_receipt": []}]}, "expect_receipt: must be a text or"),
        ({"name": "n", "step": ["tap"]}, "s.toml: step 1: must be a table"),
    ],
)
def test_a_wrong_scenario_names_file_step_and_key(data: dict[str, object], error: str) -> None:
    with pytest.raises(ScenarioError) as raised:
        parse(data, "s.toml")
    assert error in str(raised.value)


def test_files_that_are_missing_or_not_toml_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="no such file"):
        load(tmp_path / "absent.toml")
    broken = tmp_path / "broken.toml"
    broken.write_text("name = \n", encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"broken\.toml: not TOML"):
        load(broken)


def test_every_action_is_documented() -> None:
    docs = (Path(__file__).resolve().parents[3] / "docs" / "scenarios.md").read_text("utf-8")
    for action in ACTIONS:
        assert f"`{action}`" in docs, action
