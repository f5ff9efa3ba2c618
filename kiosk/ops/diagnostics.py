"""The diagnostics bundle staff export for support: what is wrong, without secrets or members.

``export_bundle`` writes one zip file to a folder (a USB stick's mount point, or anywhere) with

- ``config.toml``: the kiosk's configuration as written, every secret replaced by
  ``"<redacted>"`` (passwords, PIN hashes, keys, tokens; a file that holds a secret is named,
  never read);
- ``versions.json``: the kiosk's version, Python's, Qt's and PySide6's, the operating system;
- ``health.json``: what the caller gives (device health, the library system, the journal);
- ``log.txt``: the recent log lines, already scrubbed of personal data (P5);
- ``audit.json``: the recent staff actions.

Nothing of a member goes in (P5, P12): the journal's card numbers are not part of it, only its
depth and its conflicts (item numbers and reason codes).
"""

from __future__ import annotations

import json
import platform
import re
import sys
import zipfile
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import kiosk

#: keys whose values are secrets, wherever they appear in the configuration
_SECRET = re.compile(
    r"^(\s*)([A-Za-z0-9_-]*(password|secret|token|pin_hash|passphrase|api_key)[A-Za-z0-9_-]*)"
    r"(\s*=\s*)(.+?)\s*$",
    re.IGNORECASE,
)


class DiagnosticsError(Exception):
    """The bundle could not be written; the message names the folder."""


def redact_config(text: str) -> str:
    """``text`` (a kiosk.toml) with the value of every secret key replaced."""
    out = []
    for line in text.splitlines():
        found = _SECRET.match(line)
        if found is not None and not found.group(2).endswith("_file"):
            indent, key, _, equals, _ = found.groups()
            line = f'{indent}{key}{equals}"<redacted>"'
        out.append(line)
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")


def versions() -> dict[str, str]:
    found = {
        "kiosk": kiosk.__version__,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
    }
    for package in ("PySide6-Essentials", "PySide6-Addons", "SQLAlchemy", "pyscard"):
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = "not installed"
    return found


def export_bundle(
    folder: Path,
    *,
    config_path: Path | None,
    health: Mapping[str, Any],
    log_lines: Iterable[str],
    audit: Iterable[Mapping[str, Any]],
    now: datetime,
    kiosk_name: str = "kiosk",
) -> Path:
    """Write the bundle into ``folder``; returns its path."""
    if not folder.is_dir():
        raise DiagnosticsError(f"no folder to write the diagnostics to: {folder}")
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    safe_name = re.sub(r"[^A-Za-z0-9_-]+", "-", kiosk_name).strip("-") or "kiosk"
    path = folder / f"diagnostics-{safe_name}-{stamp}.zip"
    if config_path is not None:
        try:
            config = redact_config(config_path.read_text(encoding="utf-8"))
        except OSError as exc:
            config = f"# {config_path} could not be read: {exc.strerror}\n"
    else:
        config = "# no configuration file: the defaults\n"
    try:
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
            bundle.writestr("config.toml", config)
            bundle.writestr("versions.json", json.dumps(versions(), indent=2))
            bundle.writestr("health.json", json.dumps(dict(health), indent=2, default=str))
            bundle.writestr("log.txt", "\n".join(log_lines) + "\n")
            bundle.writestr("audit.json", json.dumps(list(audit), indent=2, default=str))
    except OSError as exc:
        path.unlink(missing_ok=True)
        raise DiagnosticsError(
            f"the diagnostics could not be written to {folder}: {exc.strerror}"
        ) from None
    return path
