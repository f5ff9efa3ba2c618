#!/usr/bin/env bash
# Installs the Debian packages the kiosk and its tests need, only those missing.
# Works as root (apt-get directly) or through sudo; on a non-Debian machine it says what to install.
set -euo pipefail

packages=(
  # Python and building pyscard-style extensions
  python3 python3-venv python3-dev gcc
  # Qt Quick offscreen and in a window (xcb); a font, or Qt draws empty boxes
  libglib2.0-0 libgl1 libegl1 libfontconfig1 fonts-dejavu-core libxkbcommon0 libdbus-1-3
  xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
  libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-randr0 libxcb-render0 libxcb-util1
  # the real PostgreSQL the integration tests start on loopback
  postgresql
  # PC/SC: the daemon, the virtual reader driver the tests tap cards on, headers for pyscard
  pcscd vsmartcard-vpcd libpcsclite-dev
  # USB receipt printers through pyusb
  libusb-1.0-0
  # sounds (Qt Multimedia plays through PulseAudio) and spoken guidance (Qt's speechd engine,
  # speech-dispatcher speaking with eSpeak NG); the tests play both into a PulseAudio null sink
  libpulse0 libspeechd2 speech-dispatcher speech-dispatcher-espeak-ng pulseaudio pulseaudio-utils
  # git for the test suite's checks of tracked files
  git ca-certificates
  # the Debian package (make deb) and its checks: debhelper, lintian, systemd-analyze
  dpkg-dev debhelper lintian systemd
)

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "setup-system: not a Debian system; install the equivalents of: ${packages[*]}" >&2
  exit 0
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "setup-system: missing Debian packages: ${missing[*]}" >&2
  echo "setup-system: run as root, or install sudo, or install them yourself." >&2
  exit 1
fi

echo "setup-system: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
