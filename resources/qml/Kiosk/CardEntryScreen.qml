import QtQuick
import QtQuick.Layouts
import Kiosk.Models

// Typing the card number on an on-screen keypad (the kiosk has no keyboard).
Rectangle {
    id: screen

    required property SessionViewModel session
    property string entered: ""

    objectName: "cardEntryScreen"
    color: Theme.background

    GridLayout {
        anchors.centerIn: parent
        // The keypad beside the question, or under it on a screen standing upright.
        columns: screen.width > screen.height ? 2 : 1
        columnSpacing: Theme.margin * 2
        rowSpacing: Theme.margin

        ColumnLayout {
            Layout.preferredWidth: 520
            spacing: Theme.spacing

            Text {
                Layout.fillWidth: true
                text: qsTr("Type your card number")
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.headlineSize
                font.bold: true
                color: Theme.text
            }

            Text {
                Layout.fillWidth: true
                text: qsTr("You find it under the barcode on your library pass.")
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.bodySize
                color: Theme.mutedText
            }

            MessageBanner {
                Layout.fillWidth: true
                text: screen.session.message
            }

            Rectangle {
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.keyHeight
                radius: Theme.radius
                color: Theme.surface
                border.width: 2
                border.color: Theme.border

                Text {
                    objectName: "cardNumberDisplay"
                    anchors.centerIn: parent
                    text: screen.entered
                    font.pixelSize: Theme.titleSize
                    font.letterSpacing: 4
                    color: Theme.text
                }
            }

            KioskButton {
                objectName: "cardCancel"
                Layout.topMargin: Theme.spacing
                text: qsTr("Cancel")
                quiet: true
                onClicked: {
                    screen.entered = ""
                    screen.session.cancel()
                }
            }
        }

        Keypad {
            namePrefix: "card"
            submitEnabled: screen.entered.length > 0
            onDigit: value => {
                if (screen.entered.length < 20)
                    screen.entered += value
            }
            onErase: screen.entered = screen.entered.slice(0, -1)
            onSubmit: {
                const number = screen.entered
                screen.entered = ""
                screen.session.submitCardNumber(number)
            }
        }
    }
}
