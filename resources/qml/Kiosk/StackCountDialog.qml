pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk.Models

// Asked before a stack on the RFID pad is taken up (where the library wants it): how many
// items did you place? The kiosk then says when it finds fewer.
Rectangle {
    id: dialog

    required property SessionViewModel session

    objectName: "stackCountDialog"
    color: Theme.scrim
    visible: session.askCount

    // Swallows taps outside the question.
    MouseArea {
        anchors.fill: parent
    }

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 760)
        height: column.implicitHeight + 2 * Theme.margin
        radius: Theme.radius
        color: Theme.surface

        ColumnLayout {
            id: column
            anchors.fill: parent
            anchors.margins: Theme.margin
            spacing: Theme.spacing

            Text {
                objectName: "stackCountQuestion"
                Layout.fillWidth: true
                text: qsTr("How many items did you put on the pad?")
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.titleSize
                font.bold: true
                color: Theme.text
            }

            GridLayout {
                Layout.fillWidth: true
                columns: 5
                columnSpacing: 12
                rowSpacing: 12

                Repeater {
                    model: 10

                    KioskButton {
                        id: countButton
                        required property int index
                        objectName: "stackCount" + (index + 1)
                        Layout.fillWidth: true
                        text: String(index + 1)
                        quiet: true
                        onClicked: dialog.session.countStack(countButton.index + 1)
                    }
                }
            }

            Text {
                Layout.fillWidth: true
                text: qsTr("More than 10? Please put them on the pad in smaller stacks.")
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.smallSize
                color: Theme.mutedText
            }
        }
    }
}
