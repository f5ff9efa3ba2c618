"""The UI driver finds items even where Shiboken hands back a stale wrapper of another type.

A QML object's own QMetaObject is freed with it, and no signal tells Shiboken: its Python
wrapper stays in Shiboken's map while something holds it, and when a new item is made at the
same address, ``children()`` hands back that QMetaObject wrapper for the new item. The driver
missed such items now and then ("no item called 'pinKey2'"). Here the situation is made on
purpose: the item's own wrapper let go, and a QMetaObject wrapper put at its address, held by a
reference cycle only.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QMetaObject
from PySide6.QtQml import QQmlComponent, QQmlEngine
from PySide6.QtQuick import QQuickItem

from kiosk.harness.driver import item_tree

QML = b"""
import QtQuick
Item {
    objectName: "screen"
    property string title: "made by QML, as the kiosk's items are"
    Item { objectName: "pinKey2"; Item { objectName: "below" } }
}
"""


def _made_by_qml(engine: QQmlEngine) -> QQuickItem:
    component = QQmlComponent(engine, engine)  # kept by the engine, as its objects need
    component.setData(QML, "stale.qml")
    root = component.create()
    assert isinstance(root, QQuickItem), component.errorString()
    QQmlEngine.setObjectOwnership(root, QQmlEngine.ObjectOwnership.CppOwnership)
    return root


def test_an_item_behind_a_stale_wrapper_is_found_by_the_walk(qapp: object) -> None:
    engine = QQmlEngine()
    root = _made_by_qml(engine)
    [child] = root.childItems()
    address = shiboken6.getCppPointer(child)[0]
    shiboken6.invalidate(child)  # the item's own wrapper is gone from Shiboken's map...
    del child
    # ...and a QMetaObject's is there, held only by a reference cycle, as a dead QML object's
    # wrapper holds its QMetaObject's.
    cycle: list[object] = [shiboken6.wrapInstance(address, QMetaObject)]
    cycle.append(cycle)
    del cycle
    assert any(isinstance(x, QMetaObject) for x in root.childItems())  # what the walk is handed

    found = {obj.objectName(): obj for obj in item_tree(root)}
    assert isinstance(found["pinKey2"], QQuickItem)
    assert found["below"].parentItem().objectName() == "pinKey2"  # and what is under it
    root.deleteLater()
    engine.deleteLater()
