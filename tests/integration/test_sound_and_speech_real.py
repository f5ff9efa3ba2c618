"""Sounds and spoken guidance, heard: a real PulseAudio server with a null sink, recorded.

A private PulseAudio server (started here, on a socket in a temporary folder) has one null
sink. A kiosk in a child process (the harness's demo kiosk, the library's ``[accessibility]``
settings from a kiosk.toml) plays into it through Qt Multimedia, and speaks through Qt's
speechd engine, speech-dispatcher and eSpeak NG. ``parec`` records the sink's monitor, and the
recording is analysed: the success tone (G5 then C6) after an item is lent, the failure tone
(E4 then C4) after a barcode the library does not know, louder at a higher volume, and speech
when the home screen's instruction is read out.

The child runs in a process of its own because Qt connects to PulseAudio once per process,
when it first looks for audio outputs. Without pulseaudio, parec, speech-dispatcher or
PySide6's add-on modules the tests skip on a developer's machine and fail under CI
(tools/setup-system.sh installs the packages, pyproject.toml the modules).
"""

from __future__ import annotations

import array
import importlib.util
import json
import math
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

RATE = 48000
SINK = "kiosk"


def _missing(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"under CI this needs {what} (tools/setup-system.sh)", pytrace=False)
    pytest.skip(f"needs {what}")


@dataclass
class Pulse:
    server: str
    env: dict[str, str]

    def record(self, out: Path) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [
                "parec",
                f"--device={SINK}.monitor",
                "--format=s16le",
                f"--rate={RATE}",
                "--channels=1",
                "--raw",
                "--latency-msec=20",
                str(out),
            ],
            env=self.env,
        )


@pytest.fixture(scope="module")
def pulse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pulse]:
    for tool in ("pulseaudio", "parec", "speech-dispatcher"):
        if shutil.which(tool) is None:
            _missing(f"'{tool}'")
    for module in ("PySide6.QtMultimedia", "PySide6.QtTextToSpeech"):
        if importlib.util.find_spec(module) is None:
            _missing(f"{module} (PySide6-Addons)")
    runtime = tmp_path_factory.mktemp("pulse")
    socket = runtime / "native"
    env = {
        **os.environ,
        "HOME": str(runtime),
        "XDG_RUNTIME_DIR": str(runtime),
        "PULSE_SERVER": f"unix:{socket}",
    }
    log = (runtime / "pulseaudio.log").open("wb")
    server = subprocess.Popen(
        [
            "pulseaudio",
            "-n",  # no default.pa: only the two modules below
            "--daemonize=no",
            "--exit-idle-time=-1",
            "--disable-shm=yes",
            "--use-pid-file=no",
            f"--load=module-null-sink sink_name={SINK} rate={RATE}",
            f"--load=module-native-protocol-unix auth-anonymous=1 socket={socket}",
            "--log-target=stderr",
        ],
        env=env,
        stdout=log,
        stderr=log,
    )
    try:
        deadline = time.monotonic() + 15
        while not socket.exists():
            if server.poll() is not None or time.monotonic() > deadline:
                log.flush()
                tail = (runtime / "pulseaudio.log").read_text(errors="replace")[-400:]
                pytest.fail(f"PulseAudio did not start: {tail}")
            time.sleep(0.05)
        yield Pulse(f"unix:{socket}", env)
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


# The kiosk, in its own process: a pass, an item lent, an unknown barcode, with a pause between
# so that each sound is apart from the next. It prints the times (from the recording's start
# signal) at which it did each thing.
CHILD = r"""
import json, sys, time
from pathlib import Path
from PySide6.QtGui import QGuiApplication
from kiosk.config import load
from kiosk.harness.runner import Options, demo_kiosk

config = load(Path(sys.argv[1]))
workdir = Path(sys.argv[2])
RENE, MAX_HAVELAAR = "2100000000002", "3100000000004"  # no PIN; a book he may borrow
app = QGuiApplication(["sound-test"])
marks = {}
with demo_kiosk(workdir, Options(config=config, sound=True)) as kiosk:
    a11y = kiosk.ui.accessibility
    driver = kiosk.driver

    def started(what):  # sounds and speech start after the first frame
        try:
            driver.wait_until(what, 10000)
            return True
        except AssertionError:
            return False

    wanted = config.accessibility
    marks["sounds"] = wanted.sounds and started(lambda: a11y.sounds is not None)
    marks["speech"] = wanted.speech and started(lambda: a11y.speaker is not None)
    t0 = time.monotonic()
    driver.wait(int(float(sys.argv[3]) * 1000))
    kiosk.devices.card_reader.present(RENE)
    driver.wait_screen("home", timeout=10000)
    driver.wait(600)
    marks["lend"] = time.monotonic() - t0
    kiosk.devices.scanner.scan(MAX_HAVELAAR)
    driver.wait_until(lambda: kiosk.ui.session.checkouts_model.rowCount() == 1, 10000)
    driver.wait(1200)
    marks["refuse"] = time.monotonic() - t0
    kiosk.devices.scanner.scan("3100000000999")
    driver.wait(1500)
print(json.dumps(marks), flush=True)
"""


def _run_kiosk(pulse: Pulse, tmp: Path, toml: str, recording: Path, lead_s: float) -> dict:
    config = tmp / "kiosk.toml"
    config.write_text(toml, encoding="utf-8")
    recorder = pulse.record(recording)
    try:
        time.sleep(0.3)  # parec connected before the kiosk makes a sound
        env = {**pulse.env, "QT_QPA_PLATFORM": "offscreen"}
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(config), str(tmp), str(lead_s)],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
            check=False,
        )
    finally:
        time.sleep(0.3)
        recorder.terminate()
        recorder.wait(10)
    assert done.returncode == 0, done.stderr[-2000:]
    marks: dict = json.loads(done.stdout.strip().splitlines()[-1])
    return marks


def _samples(path: Path) -> array.array[int]:
    data = array.array("h")
    raw = path.read_bytes()
    data.frombytes(raw[: len(raw) // 2 * 2])
    return data


def _power(samples: array.array[int], frequency: float) -> float:
    """Goertzel: how much of ``frequency`` is in ``samples`` (normalised)."""
    if not samples:
        return 0.0
    coefficient = 2 * math.cos(2 * math.pi * frequency / RATE)
    s1 = s2 = 0.0
    for x in samples:
        s1, s2 = x + coefficient * s1 - s2, s1
    return (s1 * s1 + s2 * s2 - coefficient * s1 * s2) / (len(samples) ** 2)


def _loud_spans(samples: array.array[int], threshold: int = 800) -> list[tuple[int, int]]:
    """(first, last) sample of each stretch with sound, 50 ms of quiet ending one."""
    block = RATE // 100
    spans: list[tuple[int, int]] = []
    start = last = None
    for i in range(0, len(samples), block):
        peak = max((abs(x) for x in samples[i : i + block]), default=0)
        if peak >= threshold:
            if start is None:
                start = i
            last = i + block
        elif start is not None and last is not None and i - last > RATE // 20:
            spans.append((start, last))
            start = last = None
    if start is not None and last is not None:
        spans.append((start, last))
    return spans


def _tone(samples: array.array[int]) -> str:
    """Which of the kiosk's two sounds this stretch is, by its notes."""
    success = _power(samples, 784.0) + _power(samples, 1046.5)
    failure = _power(samples, 329.6) + _power(samples, 261.6)
    return "success" if success > failure else "failure"


SOUNDS_ONLY = "[accessibility]\nsounds = true\nvolume = {volume}\nspeech = false\n"


def test_an_item_lent_and_a_barcode_refused_sound_their_tones_in_order(
    pulse: Pulse, tmp_path: Path
) -> None:
    recording = tmp_path / "sink.raw"
    marks = _run_kiosk(pulse, tmp_path, SOUNDS_ONLY.format(volume=1.0), recording, 0.5)
    assert marks["sounds"] is True, "Qt found no audio output on the PulseAudio server"
    samples = _samples(recording)
    spans = _loud_spans(samples)
    tones = [_tone(samples[a:b]) for a, b in spans]
    assert tones == ["success", "failure"], f"heard {tones} in {len(samples) / RATE:.1f} s"
    # Each sound is short: a cue, not a tune.
    for a, b in spans:
        assert 0.1 < (b - a) / RATE < 0.8


def test_the_volume_setting_is_what_the_speaker_gets(pulse: Pulse, tmp_path: Path) -> None:
    peaks = {}
    for volume in (1.0, 0.25):
        folder = tmp_path / f"v{volume}"
        folder.mkdir()
        recording = folder / "sink.raw"
        _run_kiosk(pulse, folder, SOUNDS_ONLY.format(volume=volume), recording, 0.5)
        samples = _samples(recording)
        peaks[volume] = max((abs(x) for x in samples), default=0)
    assert peaks[0.25] > 0, "nothing heard at volume 0.25"
    # QSoundEffect's volume is linear: a quarter of the volume, a quarter of the amplitude.
    assert 0.15 < peaks[0.25] / peaks[1.0] < 0.4, peaks


def test_each_new_screens_instruction_is_spoken(pulse: Pulse, tmp_path: Path) -> None:
    recording = tmp_path / "sink.raw"
    toml = "[accessibility]\nsounds = false\nspeech = true\n"
    lead_s = 3.0
    marks = _run_kiosk(pulse, tmp_path, toml, recording, lead_s)
    assert marks["speech"] is True, "no speech engine answered (speech-dispatcher, eSpeak NG)"
    samples = _samples(recording)
    spans = _loud_spans(samples, threshold=1500)
    assert spans, "nothing was spoken"
    # The instructions of the screens after the pass ("One moment, please...", then "Scan the
    # barcode of each item you want to borrow."): seconds of speech, not a click. (Where in the
    # recording they fall cannot be matched to the kiosk's clock: the sink records on its own.
    # What each screen says is tested on the UI with a recording speaker.)
    spoken = sum(b - a for a, b in spans) / RATE
    assert spoken > 1.5, f"only {spoken:.2f} s of sound: a sentence takes seconds"
