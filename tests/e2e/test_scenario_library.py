"""Every scenario of the library in docs/scenarios/ runs on the real kiosk and passes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.harness.runner import Harness, Options
from kiosk.harness.scenario import load

SCENARIOS = sorted((Path(__file__).resolve().parents[2] / "docs" / "scenarios").glob("*.toml"))


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_the_scenario_passes(path: Path, tmp_path: Path) -> None:
    [result] = Harness(Options(out=tmp_path)).run([load(path)])
    assert result.passed, (tmp_path / "transcript.txt").read_text(encoding="utf-8")
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["passed"] is True
    assert report["scenarios"][0]["steps"][-1]["passed"] is True


def test_the_library_has_scenarios() -> None:
    assert len(SCENARIOS) >= 1


def test_every_fixture_member_of_the_demo_data_is_in_a_scenario() -> None:
    import re

    demo = (SCENARIOS[0].parents[1] / "demo-data.md").read_text(encoding="utf-8")
    members = re.findall(r"^\| (21\d{11}) \|", demo, flags=re.MULTILINE)
    assert len(members) >= 17
    used = "\n".join(path.read_text(encoding="utf-8") for path in SCENARIOS)
    missing = [card for card in members if f'"{card}"' not in used]
    assert missing == []
