"""``make deb``: the Debian package is built with dpkg-buildpackage and passes lintian (an error
fails), carries what it should (units, udev and polkit rules, the commented settings file, the
kiosk's wheel and every dependency's) and asks for what it needs; and the kiosk installed from
those wheels into a fresh virtual environment (not editable, no network) runs a harness
scenario and checks a settings file, from outside the source tree. Under ``CI`` missing
Debian tooling fails the run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _need(what: str, ok: bool) -> None:
    if ok:
        return
    if os.environ.get("CI"):
        pytest.fail(f"under CI this needs {what} (tools/setup-system.sh installs the packages)")
    pytest.skip(f"this needs {what}")


@pytest.fixture(scope="module")
def deb() -> Path:
    for tool, package in (
        ("dpkg-buildpackage", "dpkg-dev"),
        ("dh", "debhelper"),
        ("lintian", "lintian"),
    ):
        _need(f"{tool} (Debian package {package})", shutil.which(tool) is not None)
    done = subprocess.run(
        ["packaging/build-deb.sh"],
        cwd=ROOT,
        env={**os.environ, "PY": sys.executable},
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return Path(done.stdout.strip().splitlines()[-1]).resolve()


def _contents(deb: Path) -> set[str]:
    listing = subprocess.run(
        ["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    return {line.split()[-1].removeprefix(".") for line in listing.splitlines()}


def test_lintian_finds_no_error(deb: Path) -> None:
    report = (deb.parent / "lintian.txt").read_text(encoding="utf-8")
    assert not [line for line in report.splitlines() if line.startswith("E:")], report


def test_the_package_carries_the_kiosk_its_units_rules_and_settings(deb: Path) -> None:
    files = _contents(deb)
    for path in (
        "/lib/systemd/system/library-kiosk.service",
        "/lib/systemd/system/library-kiosk-sip2.service",
        "/lib/udev/rules.d/70-library-kiosk.rules",
        "/usr/share/polkit-1/rules.d/library-kiosk.rules",
        "/etc/kiosk/kiosk.toml",
        "/usr/share/doc/library-kiosk/copyright",
    ):
        assert path in files, path
    wheels = {Path(f).name for f in files if f.startswith("/opt/library-kiosk/wheels/")}
    assert any(w.startswith("library_kiosk-") for w in wheels)
    for dependency in ("pyside6_essentials", "sqlalchemy", "pyscard", "python_escpos"):
        assert any(w.startswith(dependency) for w in wheels), dependency
    shipped = (ROOT / "packaging" / "systemd" / "library-kiosk.service").read_bytes()
    unit = subprocess.run(
        ["dpkg-deb", "--fsys-tarfile", str(deb)], capture_output=True, check=True
    ).stdout
    assert shipped in unit  # the unit as written, not a copy gone stale


def test_the_package_asks_for_what_the_kiosk_needs(deb: Path) -> None:
    info = subprocess.run(
        ["dpkg-deb", "--field", str(deb), "Depends", "Package", "Architecture"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for needed in ("cage", "pcscd", "python3-venv", "fonts-dejavu-core", "polkitd", "systemd"):
        assert needed in info, needed
    major, minor = sys.version_info[:2]
    assert f"python3 (>= {major}.{minor}), python3 (<< {major}.{minor + 1})" in info
    conffiles = subprocess.run(
        ["dpkg-deb", "--info", str(deb), "conffiles"], capture_output=True, text=True, check=True
    ).stdout
    assert "/etc/kiosk/kiosk.toml" in conffiles


@pytest.fixture(scope="module")
def installed(deb: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the kiosk installed from the package's wheels."""
    wheels = deb.parent / f"library-kiosk-{deb.name.split('_')[1]}" / "wheels"
    target = tmp_path_factory.mktemp("installed") / "venv"
    venv.EnvBuilder(with_pip=True).create(target)
    python = target / "bin" / "python"
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-index",
            "--find-links",
            str(wheels),
            "library-kiosk",
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return target


def test_the_installed_kiosk_is_the_packages_own_not_the_source_tree(installed: Path) -> None:
    where = subprocess.run(
        [str(installed / "bin" / "python"), "-c", "import kiosk, hardware; print(kiosk.__file__)"],
        capture_output=True,
        text=True,
        cwd="/",
        check=True,
    ).stdout.strip()
    assert where.startswith(str(installed)) and "site-packages" in where


def test_the_installed_kiosk_runs_a_harness_scenario(installed: Path, tmp_path: Path) -> None:
    scenario = ROOT / "docs" / "scenarios" / "borrow-an-item-with-parts.toml"
    done = subprocess.run(
        [str(installed / "bin" / "kiosk"), "harness", str(scenario), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": ""},
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    assert (tmp_path / "report.json").exists()


def test_the_installed_kiosk_checks_the_example_settings(installed: Path, tmp_path: Path) -> None:
    secret = tmp_path / "sip2-password"
    secret.write_text("geheim\n", encoding="utf-8")
    secret.chmod(0o640)
    example = (ROOT / "resources" / "config" / "kiosk.example.toml").read_text(encoding="utf-8")
    config = tmp_path / "kiosk.toml"
    config.write_text(example.replace("/etc/kiosk/sip2-password", str(secret)), encoding="utf-8")
    done = subprocess.run(
        [str(installed / "bin" / "kiosk"), "config", "check", str(config)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert f"{config}: good" in done.stdout
