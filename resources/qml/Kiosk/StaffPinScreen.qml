pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk.Models

// The staff PIN, after the hidden corner. Shown as dots only; the keypad is shuffled too when
// the library shuffles the members' (PRIVACY.md P2).
Rectangle {
    id: screen

    required property SessionViewModel session
    property string entered: ""

    objectName: "staffPinScreen"
    color: Theme.background

    GridLayout {
        anchors.centerIn: parent
        columns: screen.width > screen.height ? 2 : 1
        columnSpacing: Theme.margin * 2
        rowSpacing: Theme.margin

        ColumnLayout {
            Layout.preferredWidth: 520
            spacing: Theme.spacing

            Text {
                Layout.fillWidth: true
                text: qsTr("Staff PIN")
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.headlineSize
                font.bold: true
                color: Theme.text
            }

            Text {
                Layout.fillWidth: true
                text: qsTr("For library staff: type the staff PIN to open maintenance mode.")
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
                    objectName: "staffPinDots"
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
                objectName: "staffPinCancel"
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
            namePrefix: "staffPin"
            digits: screen.session.pinKeys
            submitEnabled: screen.entered.length > 0 && !screen.session.busy
            onDigit: value => {
                if (screen.entered.length < 12)
                    screen.entered += value
            }
            onErase: screen.entered = screen.entered.slice(0, -1)
            onSubmit: {
                const pin = screen.entered
                screen.entered = ""
                screen.session.submitStaffPin(pin)
            }
        }
    }
}
