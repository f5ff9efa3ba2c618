"""Shared fixtures of the real-component tests."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

#: how long a real pcscd may take to start, and the vpcd driver to list its reader
PCSCD_WAIT = 20.0


def need(what: str, ok: bool) -> None:
    """Skip without ``what``; under ``CI`` a missing real component fails the run instead."""
    if ok:
        return
    if os.environ.get("CI"):
        pytest.fail(f"under CI this needs {what} (tools/setup-system.sh installs the packages)")
    pytest.skip(f"this needs {what}")


@pytest.fixture(scope="module")
def pcscd() -> Iterator[Any]:
    """A pcscd of our own with the vsmartcard vpcd driver (one per machine: its socket path is
    fixed), for a module's tests."""
    from kiosk.bench import pcscd as pcscd_daemon

    need("pcscd", shutil.which("pcscd") is not None)
    need("the vsmartcard vpcd driver", Path(pcscd_daemon.VPCD_DRIVER).exists())
    need("a machine without a pcscd of its own running (stop it)", not pcscd_daemon.running())
    try:
        import hardware.pcsc  # noqa: F401 - pyscard needs libpcsclite
    except ImportError as exc:
        need(f"pyscard ({exc})", False)
    daemon = pcscd_daemon.Pcscd(wait=PCSCD_WAIT)
    daemon.start()
    try:
        yield daemon
    finally:
        daemon.stop()
