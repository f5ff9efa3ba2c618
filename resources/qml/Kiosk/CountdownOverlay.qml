import QtQuick
import QtQuick.Layouts
import Kiosk.Models

// The visible countdown before a session ends for inactivity (UX rule 1, PRIVACY.md P3).
Rectangle {
    id: overlay

    required property SessionViewModel session

    objectName: "countdownOverlay"
    visible: session.countdown >= 0
    color: Theme.scrim

    MouseArea {
        anchors.fill: parent
        onClicked: overlay.session.touched()
    }

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 680)
        height: countdownColumn.implicitHeight + 2 * Theme.margin
        radius: Theme.radius
        color: Theme.surface

        ColumnLayout {
            id: countdownColumn
            anchors.fill: parent
            anchors.margins: Theme.margin
            spacing: Theme.spacing

            Text {
                Layout.fillWidth: true
                text: qsTr("Are you still there?")
                horizontalAlignment: Text.AlignHCenter
                font.pixelSize: Theme.headlineSize
                font.bold: true
                color: Theme.text
            }

            Text {
                objectName: "countdownText"
                Layout.fillWidth: true
                // %n: each language's own plural forms of "seconds"
                text: qsTr("For your privacy we end your session in %n seconds.", "",
                           Math.max(0, overlay.session.countdown))
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.bodySize + 2
                color: Theme.text
            }

            KioskButton {
                objectName: "stillHereButton"
                Layout.alignment: Qt.AlignHCenter
                text: qsTr("I am still here")
                onClicked: overlay.session.touched()
            }
        }
    }
}
