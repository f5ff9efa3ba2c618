"""The library system opened after the first frame (``kiosk.ils.deferred``)."""

from __future__ import annotations

import inspect
import threading
import time
from datetime import UTC, datetime
from typing import Any

import pytest

from kiosk.domain.money import Money
from kiosk.ils.deferred import DeferredLibrary
from kiosk.ils.port import IlsUnavailable, LibrarySystem


class Recorder:
    """Answers every call of the port with its name and arguments."""

    def __getattr__(self, name: str) -> Any:
        def call(*args: Any, **kwargs: Any) -> tuple[str, tuple[Any, ...], dict[str, Any]]:
            return (name, args, kwargs)

        return call


class WrongSetting(Exception):
    pass


def port_methods() -> list[str]:
    return [
        name
        for name, member in inspect.getmembers(LibrarySystem, inspect.isfunction)
        if not name.startswith("_")
    ]


def test_every_call_of_the_port_reaches_the_system_built_with_its_arguments() -> None:
    lib = DeferredLibrary(Recorder, open_at_the_latest_s=0)
    lib.open()
    at = datetime(2026, 11, 25, 9, tzinfo=UTC)
    calls: dict[str, tuple[tuple[Any, ...], dict[str, Any]]] = {
        "status": ((), {}),
        "identify": (("21", "1234"), {}),
        "member_summary": (("21",), {}),
        "check_out": (("21", "31"), {"fee_acknowledged": True, "no_block": True, "at": at}),
        "check_in": (("31",), {"location": "DAL", "no_block": True, "at": at}),
        "renew": (("21", "31"), {}),
        "renew_all": (("21",), {}),
        "item_info": (("31",), {}),
        "pay_fee": (("21", "F1", Money(250), "T-9"), {}),
        "end_session": (("21",), {}),
    }
    assert sorted(calls) == port_methods()  # a new method of the port needs a line here
    for name, (args, kwargs) in calls.items():
        answer = getattr(lib, name)(*args, **kwargs)
        if name == "end_session":
            continue  # returns None by the port's contract
        assert answer == (name, args, kwargs)
    assert isinstance(lib, LibrarySystem)


def test_calls_wait_for_open_and_the_system_is_built_once_for_all_threads() -> None:
    built: list[int] = []

    def build() -> Recorder:
        built.append(threading.get_ident())
        time.sleep(0.05)  # slow, as importing SQLAlchemy is: others arrive meanwhile
        return Recorder()

    lib = DeferredLibrary(build, open_at_the_latest_s=10)
    answers: list[Any] = []
    threads = [threading.Thread(target=lambda: answers.append(lib.status())) for _ in range(4)]
    for t in threads:
        t.start()
    time.sleep(0.1)
    assert built == [] and answers == [] and not lib.built  # nothing before the first frame
    lib.open()
    for t in threads:
        t.join(5)
    assert len(built) == 1
    assert answers == [("status", (), {})] * 4
    assert lib.built


def test_a_window_that_never_paints_does_not_keep_the_library_closed() -> None:
    lib = DeferredLibrary(Recorder, open_at_the_latest_s=0.05)
    started = time.monotonic()
    assert lib.status() == ("status", (), {})
    assert time.monotonic() - started < 2


def test_a_fatal_build_error_is_kept_and_raised_by_every_call_without_building_again() -> None:
    attempts: list[int] = []

    def build() -> LibrarySystem:
        attempts.append(1)
        raise WrongSetting("[ils] url: is not a database URL")

    lib = DeferredLibrary(build, open_at_the_latest_s=0)
    for _ in range(3):
        with pytest.raises(WrongSetting, match=r"\[ils\] url"):
            lib.identify("21")
    with pytest.raises(WrongSetting):
        lib.ready()
    assert len(attempts) == 1
    assert isinstance(lib.failure, WrongSetting)
    assert not lib.built


def test_a_broken_installation_is_kept_like_a_wrong_setting_and_not_retried() -> None:
    attempts: list[int] = []

    def build() -> LibrarySystem:
        attempts.append(1)
        raise ImportError("No module named 'sqlalchemy'")

    lib = DeferredLibrary(build, open_at_the_latest_s=0)
    for _ in range(2):
        with pytest.raises(ImportError):
            lib.status()
    assert isinstance(lib.failure, ImportError) and len(attempts) == 1


def test_an_unavailable_system_while_building_stays_unavailable_not_fatal() -> None:
    def build() -> LibrarySystem:
        raise IlsUnavailable("sip2: 127.0.0.1:6001 did not answer")

    lib = DeferredLibrary(build, open_at_the_latest_s=0)
    with pytest.raises(IlsUnavailable, match="did not answer"):
        lib.status()
    assert lib.failure is None
