import QtQuick
import QtQuick.Layouts
import Kiosk.Models

// After a session: nothing personal, only a kind goodbye and a reminder about the pass.
Rectangle {
    id: screen

    required property SessionViewModel session

    objectName: "goodbyeScreen"
    color: Theme.background

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 820)
        spacing: Theme.spacing

        Text {
            objectName: "goodbyeText"
            Layout.fillWidth: true
            text: qsTr("Thank you, see you soon!")
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.displaySize
            font.bold: true
            color: Theme.text
        }

        Text {
            Layout.fillWidth: true
            text: qsTr("Do not forget to take your library pass.")
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.bodySize + 2
            color: Theme.mutedText
        }

        MessageBanner {
            Layout.fillWidth: true
            text: screen.session.message
        }

        KioskButton {
            objectName: "goodbyeNext"
            Layout.alignment: Qt.AlignHCenter
            Layout.topMargin: Theme.spacing
            text: qsTr("Start again")
            quiet: true
            onClicked: screen.session.done()
        }
    }
}
