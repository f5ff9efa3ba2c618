#!/usr/bin/env bash
# A separate virtual environment with the emupos receipt-printer emulator and zxing-cpp, for the
# real-component printer tests (tests/integration/test_escpos_emupos.py).
#
# emupos needs Python >= 3.13 while the kiosk runs on 3.11, so it lives in its own venv,
# .venv-emupos/ in the repository. Prints the path of that venv's python on stdout.
# Idempotent: a second run only checks that both packages import.
# Exit 1 (with the reason on stderr) when no Python 3.13 or newer is found or the install fails.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${EMUPOS_VENV:-$repo/.venv-emupos}"
vpy="$venv/bin/python"

# A python counts only when it really runs and reports 3.13 or newer: a pyenv shim can exist on
# PATH for a version that is not selected, and then fails.
is_313() {
    "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 13) else 1)' >/dev/null 2>&1
}

ready() {
    [[ -x "$vpy" ]] && is_313 "$vpy" \
        && "$vpy" -c 'import emupos, zxingcpp' >/dev/null 2>&1 \
        && [[ -x "$venv/bin/emupos" ]]
}

if ready; then
    echo "$vpy"
    exit 0
fi

find_python() {
    local candidate
    if python3.13 -V >/dev/null 2>&1 && is_313 python3.13; then
        command -v python3.13
        return 0
    fi
    for candidate in "$HOME"/.pyenv/versions/3.13*/bin/python3.13 /usr/bin/python3.13 \
        /usr/local/bin/python3.13; do
        if [[ -x "$candidate" ]] && is_313 "$candidate"; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

if ! python="$(find_python)"; then
    echo "emupos.sh: no Python 3.13 or newer found (looked for python3.13 on PATH," \
        "~/.pyenv/versions/3.13*/bin/python3.13 and /usr/bin/python3.13);" \
        "emupos needs it. Install python3.13 (Debian 13 ships it) or a pyenv 3.13." >&2
    exit 1
fi

# A venv left half-made (or made by an older Python) is made again.
if [[ -d "$venv" ]] && ! is_313 "$vpy"; then
    rm -rf "$venv"
fi
if [[ ! -x "$vpy" ]]; then
    if ! "$python" -m venv "$venv" >&2; then
        echo "emupos.sh: '$python -m venv $venv' failed (is the venv module installed?)" >&2
        exit 1
    fi
fi
# Python 3.13's venv writes a .gitignore of '*' inside; keep it so git and ruff skip the venv
# even when an older venv module made it.
[[ -f "$venv/.gitignore" ]] || printf '*\n' >"$venv/.gitignore"

if ! "$vpy" -m pip install --quiet --disable-pip-version-check emupos zxing-cpp >&2; then
    echo "emupos.sh: 'pip install emupos zxing-cpp' into $venv failed" >&2
    exit 1
fi
if ! ready; then
    echo "emupos.sh: emupos or zxing-cpp does not import in $venv after installing" >&2
    exit 1
fi
echo "$vpy"
