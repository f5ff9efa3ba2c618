import QtQuick
import QtQuick.Layouts
import Kiosk.Models

Rectangle {
    id: screen

    required property SessionViewModel session

    objectName: "outOfServiceScreen"
    color: Theme.background

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 820)
        spacing: Theme.spacing

        Text {
            objectName: "outOfServiceTitle"
            Layout.fillWidth: true
            text: qsTr("This kiosk is out of service")
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.headlineSize
            font.bold: true
            color: Theme.text
        }

        Text {
            Layout.fillWidth: true
            text: qsTr("Sorry for the trouble. Please ask at the desk.")
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.bodySize + 2
            color: Theme.mutedText
        }

        Text {
            objectName: "outOfServiceMessage"
            Layout.fillWidth: true
            visible: text !== ""
            text: screen.session.outOfServiceMessage
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.bodySize
            color: Theme.text
        }

        // For staff: the settings file's line and key at fault.
        Text {
            objectName: "outOfServiceDetail"
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacing
            visible: text !== ""
            text: screen.session.outOfServiceDetail
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WrapAnywhere
            font.pixelSize: Theme.smallSize
            font.family: "monospace"
            color: Theme.mutedText
        }
    }

    StaffCorner {
        session: screen.session
    }
}
