"""``kiosk bench offline``, short: a journal replayed to a real ``kiosk sip2-server`` process,
and the kiosk noticing the server's death, in the one report format."""

from __future__ import annotations

import json
from pathlib import Path

from kiosk.bench.schema import validate_report
from kiosk.cli import main


def test_the_offline_suite_replays_a_journal_and_measures_a_loss(tmp_path: Path) -> None:
    out = tmp_path / "offline.json"
    assert main(["bench", "offline", "--entries", "40", "--losses", "1", "--json", str(out)]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    validate_report(report)
    results = {r["name"]: r for r in report["results"]}
    assert set(results) == {"offline.replay", "offline.loss_to_offline"}
    replay = results["offline.replay"]
    assert replay["params"]["entries"] == 40
    assert replay["target"] == 0.2  # 5 s per 1,000, scaled
    assert 0 < replay["value"] < 60
    loss = results["offline.loss_to_offline"]
    assert loss["n"] == 1 and loss["target"] == 3.0
    assert 0 < loss["p50"] < 60
