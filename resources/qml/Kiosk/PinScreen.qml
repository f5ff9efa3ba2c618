pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk.Models

// Typing the PIN. It is shown as dots only, never echoed (PRIVACY.md P2).
Rectangle {
    id: screen

    required property SessionViewModel session
    property string entered: ""

    objectName: "pinScreen"
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
                text: qsTr("Type your PIN")
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.headlineSize
                font.bold: true
                color: Theme.text
            }

            Text {
                Layout.fillWidth: true
                text: qsTr("Cover the keypad with your hand.")
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

                Row {
                    objectName: "pinDots"
                    anchors.centerIn: parent
                    spacing: 18

                    Repeater {
                        model: screen.entered.length

                        Rectangle {
                            width: 22
                            height: 22
                            radius: 11
                            color: Theme.text
                        }
                    }
                }
            }

            KioskButton {
                objectName: "pinCancel"
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
            namePrefix: "pin"
            digits: screen.session.pinKeys
            submitEnabled: screen.entered.length > 0
            onDigit: value => {
                if (screen.entered.length < 12)
                    screen.entered += value
            }
            onErase: screen.entered = screen.entered.slice(0, -1)
            onSubmit: {
                const pin = screen.entered
                screen.entered = ""
                screen.session.submitPin(pin)
            }
        }
    }
}
