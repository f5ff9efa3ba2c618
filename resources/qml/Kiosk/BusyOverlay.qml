import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Shown while the library system works; it does not block the screen.
Rectangle {
    id: overlay

    property bool busy: false

    objectName: "busyOverlay"
    visible: busy
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
            color: "#FFFFFF"
        }
    }
}
