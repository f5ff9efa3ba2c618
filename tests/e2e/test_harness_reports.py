"""The harness tells a failed expectation apart from a passed one, and says which and why."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest

from kiosk.harness import cli

FAILING = """
name = "A wrong expectation"
[[step]]
present_card = "2100000000002"
[[step]]
expect_screen = "home"
[[step]]
expect_text = "Hello, Somebody Else"
timeout_ms = 300
[[step]]
tap = "doneButton"
"""

LEAKING = """
name = "Still on the home screen"
[[step]]
present_card = "2100000000002"
[[step]]
expect_screen = "home"
[[step]]
expect_no_personal_data = true
"""


def _run(tmp_path: Path, text: str, *extra: str) -> tuple[int, str, str, dict]:  # type: ignore[type-arg]
    scenario = tmp_path / "s.toml"
    scenario.write_text(text, encoding="utf-8")
    out_dir = tmp_path / "out"
    args = argparse.Namespace(
        scenarios=[scenario],
        config=None,
        ils="embedded",
        devices="fake",
        out=out_dir,
        screenshots="--screenshots" in extra,
    )
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(args, out, err)
    report = json.loads((out_dir / "report.json").read_text(encoding="utf-8"))
    return code, out.getvalue(), err.getvalue(), report


@pytest.mark.usefixtures("qapp")
def test_a_failed_expectation_exits_1_and_the_report_says_which(tmp_path: Path) -> None:
    code, out, err, report = _run(tmp_path, FAILING)
    assert code == 1
    assert "0 of 1 scenarios passed" in out
    assert "step 3 (expect_text)" in err
    [scenario] = report["scenarios"]
    assert scenario["passed"] is False and scenario["failed_step"] == 3
    steps = scenario["steps"]
    assert [s["passed"] for s in steps] == [True, True, False, None]  # the rest is not run
    assert "a visible text containing 'Hello, Somebody Else'" in steps[2]["error"]
    assert steps[2]["screen"] == "home"


@pytest.mark.usefixtures("qapp")
def test_personal_data_on_the_screen_fails_the_privacy_expectation(tmp_path: Path) -> None:
    code, _, _, report = _run(tmp_path, LEAKING, "--screenshots")
    assert code == 1
    step = report["scenarios"][0]["steps"][2]
    assert step["passed"] is False
    assert "personal data still held" in step["error"]
    assert "René" not in step["error"] and "2100000000002" not in step["error"]
    assert step["screenshot"].endswith("step-03-expect_no_personal_data.png")
    assert (tmp_path / "out" / step["screenshot"]).stat().st_size > 1000


def test_a_wrong_scenario_exits_2_before_anything_runs(tmp_path: Path) -> None:
    scenario = tmp_path / "bad.toml"
    scenario.write_text('name = "x"\n[[step]]\nscan = 3\n', encoding="utf-8")
    args = argparse.Namespace(
        scenarios=[scenario],
        config=None,
        ils="embedded",
        devices="fake",
        out=None,
        screenshots=False,
    )
    err = io.StringIO()
    assert cli.run(args, io.StringIO(), err) == 2
    assert "bad.toml: step 1: scan: must be a text" in err.getvalue()


def test_device_steps_are_refused_on_real_devices(tmp_path: Path) -> None:
    scenario = tmp_path / "tap.toml"
    scenario.write_text('name = "x"\n[[step]]\npresent_card = "2100000000002"\n', "utf-8")
    args = argparse.Namespace(
        scenarios=[scenario],
        config=None,
        ils="embedded",
        devices="real",
        out=None,
        screenshots=False,
    )
    err = io.StringIO()
    assert cli.run(args, io.StringIO(), err) == 2
    assert "step 1: present_card: needs --devices fake" in err.getvalue()
