"""The view-models' list model tells views what changed, not "everything changed"."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QAbstractItemModelTester

from kiosk.ui.viewmodels import RowsModel


def _rows(*titles: str) -> list[dict[str, object]]:
    return [{"title": t, "ok": True} for t in titles]


@pytest.mark.usefixtures("qapp")
def test_rows_are_added_removed_and_changed_as_such() -> None:
    model = RowsModel(("title", "ok"))
    tester = QAbstractItemModelTester(  # checks the model's own consistency on every change
        model, QAbstractItemModelTester.FailureReportingMode.Fatal
    )
    seen: list[str] = []
    model.modelReset.connect(lambda: seen.append("reset"))
    model.rowsInserted.connect(lambda _p, first, last: seen.append(f"insert {first}-{last}"))
    model.rowsRemoved.connect(lambda _p, first, last: seen.append(f"remove {first}-{last}"))
    model.dataChanged.connect(
        lambda top, bottom, _roles: seen.append(f"change {top.row()}-{bottom.row()}")
    )
    counts: list[int] = []
    model.countChanged.connect(lambda: counts.append(model.rowCount()))

    model.set_rows(_rows("A"))
    model.set_rows(_rows("A", "B", "C"))
    model.set_rows(_rows("A", "B", "C"))  # the same: nothing
    model.set_rows(_rows("A", "X", "C"))
    model.set_rows(_rows("A"))
    model.set_rows(_rows("Z", "Y"))
    model.set_rows([])

    assert seen == [
        "insert 0-0",
        "insert 1-2",
        "change 1-1",
        "remove 1-2",
        "change 0-0",
        "insert 1-1",
        "remove 0-1",
    ]
    assert counts == [1, 3, 1, 2, 0]
    assert model.rows() == []
    del tester
