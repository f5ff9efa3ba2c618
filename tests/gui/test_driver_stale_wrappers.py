"""The UI driver finds items even where Shiboken hands back a stale wrapper of another type.

A QML object's own QMetaObject is freed with it, and no signal tells Shiboken: its Python
wrapper stays in Shiboken's map while something holds it, and when a new item is made at the
same address, ``children()`` hands back that QMetaObject wrapper for the new item. The driver
missed such items now and then ("no item called 'pinKey2'"). Here the situation is made on
purpose: the item's own wrapper let go, and a QMetaObject wrapper put at its address.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QMetaObject, QObject
from PySide6.QtQml import QQmlComponent, QQmlEngine
from PySide6.QtQuick import QQuickItem

from kiosk.harness.driver import fitting, item_tree

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


def _stale_wrapper_over(item: QQuickItem) -> object:
    address = shiboken6.getCppPointer(item)[0]
    shiboken6.invalidate(item)  # the item's own wrapper is gone from the map...
    stale = shiboken6.wrapInstance(address, QMetaObject)  # ...and another type's is there
    assert isinstance(stale, QMetaObject)
    return stale


def test_an_item_behind_a_stale_wrapper_is_found_by_the_walk(qapp: object) -> None:
    engine = QQmlEngine()
    root = _made_by_qml(engine)
    [child] = root.childItems()
    stale = _stale_wrapper_over(child)
    assert stale in root.childItems()  # what the driver is handed

    found = {obj.objectName(): obj for obj in item_tree(root)}
    assert isinstance(found["pinKey2"], QQuickItem)
    assert found["below"].parentItem().objectName() == "pinKey2"  # and what is under it
    root.deleteLater()
    engine.deleteLater()


def test_fitting_gives_a_live_wrapper_of_the_kind_or_none(qapp: object) -> None:
    engine = QQmlEngine()
    root = _made_by_qml(engine)
    assert fitting(root, QQuickItem) is root
    assert fitting(None, QObject) is None
    plain = QObject()
    assert fitting(plain, QQuickItem) is None  # a live QObject that is no item stays as it is
    assert shiboken6.isValid(plain)
    [child] = root.childItems()
    fresh = fitting(_stale_wrapper_over(child), QQuickItem)
    assert isinstance(fresh, QQuickItem) and fresh.objectName() == "pinKey2"
    root.deleteLater()
    engine.deleteLater()
