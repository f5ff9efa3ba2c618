"""``kiosk bench rfid``, short: ten-item stacks on the fake pad, lent and returned through the
real UI over the embedded library system, in the one report format."""

from __future__ import annotations

import json
from pathlib import Path

from kiosk.bench.schema import validate_report
from kiosk.cli import main


def test_the_rfid_suite_measures_a_stack_lent_and_returned(tmp_path: Path) -> None:
    out = tmp_path / "rfid.json"
    assert main(["bench", "rfid", "--stacks", "2", "--json", str(out)]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    validate_report(report)
    results = {r["name"]: r for r in report["results"]}
    assert set(results) == {"rfid.stack_checkout", "rfid.stack_return"}
    lent = results["rfid.stack_checkout"]
    assert lent["n"] == 2 and lent["unit"] == "s" and lent["target"] == 1.5
    assert lent["params"]["items"] == 10
    # A look of the pad every 0.1 s and ten loans: more than nothing, far less than a minute.
    assert 0.05 < lent["p50"] < 60
    assert "target" not in results["rfid.stack_return"]


def test_a_stack_out_of_range_is_refused_with_the_option_named(tmp_path: Path) -> None:
    assert main(["bench", "rfid", "--stacks", "26", "--json", str(tmp_path / "x.json")]) == 1
