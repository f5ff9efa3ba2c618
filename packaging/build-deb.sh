#!/usr/bin/env bash
# `make deb`: the Debian package, built with dpkg-buildpackage (debhelper) in build/deb/, then
# checked with lintian (an error fails the build). The package carries the kiosk's wheel and
# every dependency's; its postinst makes /opt/library-kiosk/venv from them.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
version=$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
out=build/deb
src="$out/library-kiosk-$version"
rm -rf "$out"
mkdir -p "$src"
cp -r packaging/debian "$src/debian"
cp packaging/systemd/library-kiosk.service "$src/debian/library-kiosk.library-kiosk.service"
cp packaging/systemd/library-kiosk-sip2.service "$src/debian/library-kiosk.library-kiosk-sip2.service"
cp packaging/udev/70-library-kiosk.rules "$src/debian/library-kiosk.udev"
mkdir -p "$src/polkit" "$src/config" "$src/docs/examples" "$src/wheels"
cp packaging/polkit/library-kiosk.rules "$src/polkit/"
cp resources/config/kiosk.example.toml "$src/config/kiosk.toml"
cp docs/*.md "$src/docs/"
cp resources/config/*.toml "$src/docs/examples/"
# The wheels are made for this Python (its ABI): the package wants the same minor version.
pyver=$("$PY" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
next=$("$PY" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1] + 1}")')
export PYTHON_DEPENDS="python3 (>= $pyver), python3 (<< $next)"
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
cat > "$src/debian/changelog" <<CHANGES
library-kiosk ($version) unstable; urgency=medium

  * Built from commit $commit.

 -- Library Kiosk developers <kiosk@library-kiosk.invalid>  $(date -R)
CHANGES
echo "deb: the wheels (the kiosk's and its dependencies')" >&2
"$PY" -m build --wheel --no-isolation --outdir "$src/wheels" . >/dev/null
"$PY" -m pip wheel --quiet --wheel-dir "$src/wheels" --find-links "$src/wheels" \
    "$(ls "$src"/wheels/library_kiosk-*.whl)"
echo "deb: dpkg-buildpackage" >&2
(cd "$src" && dpkg-buildpackage -us -uc -b >../build.log 2>&1) || { tail -30 "$out/build.log" >&2; exit 1; }
deb=$(ls "$out"/library-kiosk_"$version"_*.deb)
echo "deb: lintian $deb" >&2
lintian --fail-on error --suppress-tags-from-file /dev/null "$deb" | tee "$out/lintian.txt" >&2
echo "$deb"
