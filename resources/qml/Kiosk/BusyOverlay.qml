import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Shown when the library system takes longer than 300 ms; it does not block the screen. A
// quick answer never flashes it.
Rectangle {
    id: overlay

    property bool busy: false
    property bool shown: false

    objectName: "busyOverlay"
    visible: shown
    onBusyChanged: if (!busy) shown = false

    Timer {
        interval: 300
        running: overlay.busy
        onTriggered: overlay.shown = true
    }
    implicitWidth: busyRow.implicitWidth + 48
    implicitHeight: busyRow.implicitHeight + 24
    radius: height / 2
    color: Theme.text
    opacity: 0.92

    RowLayout {
        id: busyRow
        anchors.centerIn: parent
        spacing: 14

        BusyIndicator {
            objectName: "busyIndicator"
            Layout.preferredWidth: 44
            Layout.preferredHeight: 44
            running: overlay.busy
        }

        Text {
            text: qsTr("One moment, please\u2026")
            font.pixelSize: Theme.bodySize
            color: Theme.textOnAccent
        }
    }
}
