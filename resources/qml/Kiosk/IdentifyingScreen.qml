import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk.Models

// While the library system checks the card.
Rectangle {
    id: screen

    required property SessionViewModel session

    objectName: "identifyingScreen"
    color: Theme.background

    ColumnLayout {
        anchors.centerIn: parent
        spacing: Theme.spacing * 1.5

        BusyIndicator {
            objectName: "identifyingBusy"
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: 96
            Layout.preferredHeight: 96
            running: screen.visible
        }

        Text {
            objectName: "identifyingText"
            Layout.alignment: Qt.AlignHCenter
            Layout.maximumWidth: screen.width - 2 * Theme.margin
            text: qsTr("One moment, please. We are checking your card.")
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.titleSize
            color: Theme.text
        }

        KioskButton {
            objectName: "identifyingCancel"
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Cancel")
            quiet: true
            onClicked: screen.session.cancel()
        }
    }
}
