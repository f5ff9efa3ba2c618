"""The wheel ships both packages, every resource (the compiled translations too) and the
migrations, and the console script."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_contains_packages_resources_migrations_and_the_kiosk_script(
    tmp_path: Path,
) -> None:
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("library_kiosk-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        entry_points = next(n for n in names if n.endswith("entry_points.txt"))
        scripts = zf.read(entry_points).decode()
    assert "kiosk/domain/session.py" in names
    assert "hardware/ports.py" in names
    assert "kiosk/ils/embedded/migrations/env.py" in names
    assert any(n.startswith("kiosk/ils/embedded/migrations/versions/0001") for n in names)
    resources = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "resources").rglob("*"))
    for resource in resources:
        if (ROOT / resource).is_file():
            assert f"kiosk/{resource}" in names, f"{resource} is not in the wheel"
    # Git ignores the compiled translations; the build makes them (`make translations`, which
    # `make test` and `make wheel` run first) and the wheel must carry them.
    languages = sorted((ROOT / "resources" / "translations").glob("kiosk_*.ts"))
    assert languages, "no translations in resources/translations"
    for ts in languages:
        qm = f"kiosk/resources/translations/{ts.stem}.qm"
        assert qm in names, f"{qm} is not in the wheel: compile it first (make translations)"
    assert "kiosk = kiosk.cli:main" in scripts
    assert not any("/tests/" in n or n.startswith("tests/") for n in names)
