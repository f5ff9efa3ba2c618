"""The harness against a SIP2 server it did not start itself: ``--ils sip2://USER@HOST:PORT``.

The server is ``kiosk sip2-server``'s own (over a freshly seeded demo library, on loopback);
the kiosk under test reaches it only through SIP2, as it would a library's Wise or Koha. Two
scenarios of the library run unchanged.
"""

from __future__ import annotations

import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.config import Config
from kiosk.harness.runner import Harness, HarnessError, Options, sip2_config
from kiosk.harness.scenario import load

SCENARIOS = Path(__file__).resolve().parents[2] / "docs" / "scenarios"
TZ = ZoneInfo("Europe/Amsterdam")


@pytest.mark.usefixtures("qapp")
def test_library_scenarios_pass_over_sip2(sip2_port: int, tmp_path: Path) -> None:
    from dataclasses import replace

    base = Config()
    config = replace(
        base,
        ils=replace(
            base.ils,
            sip2=replace(base.ils.sip2, profile="kiosk", institution="DAL", encoding="utf-8"),
        ),
    )
    options = Options(
        out=tmp_path,
        ils=f"sip2://kiosk-dal-1@127.0.0.1:{sip2_port}",
        config=config,
        sip2_password="s3cret",
    )
    scenarios = [
        load(SCENARIOS / "borrow-without-pin-no-receipt.toml"),
        load(SCENARIOS / "wrong-pin-then-locked.toml"),
    ]
    results = Harness(options).run(scenarios)
    transcript = (tmp_path / "transcript.txt").read_text(encoding="utf-8")
    assert [r.passed for r in results] == [True, True], transcript
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["ils"] == f"127.0.0.1:{sip2_port}"  # never the account name
    assert "kiosk-dal-1" not in json.dumps(report)


def test_a_wrong_sip2_address_is_refused_with_the_option_named() -> None:
    for wrong in ("sip2://127.0.0.1:6001", "http://kiosk@127.0.0.1:6001", "sip2://k@h:port"):
        with pytest.raises(HarnessError, match="--ils"):
            sip2_config(Options(ils=wrong))
    config = sip2_config(Options(ils="sip2://kiosk@127.0.0.1:7001", sip2_password="pw"))
    assert (config.ils.kind, config.ils.sip2.host, config.ils.sip2.port) == (
        "sip2",
        "127.0.0.1",
        7001,
    )
    assert config.ils.sip2.user == "kiosk" and config.ils.sip2.password == "pw"
