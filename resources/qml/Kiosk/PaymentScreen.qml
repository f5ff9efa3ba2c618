pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk.Models

// Paying fees: first the member checks what they pay and confirms the total (P10); then they
// pay at the terminal, which leads them through it (and lets them stop).
Rectangle {
    id: screen

    required property SessionViewModel session
    readonly property bool paying: session.screen === "paying"

    objectName: paying ? "payingScreen" : "payConfirmScreen"
    color: Theme.background

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 900)
        spacing: Theme.spacing

        Text {
            objectName: "paymentQuestion"
            Layout.fillWidth: true
            text: screen.paying
                  ? qsTr("Pay %1 at the payment terminal").arg(screen.session.payTotal)
                  : qsTr("You are about to pay %1").arg(screen.session.payTotal)
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.headlineSize
            font.bold: true
            color: Theme.text
        }

        // What is paid: the fees the member ticked.
        Repeater {
            model: screen.session.fees

            delegate: RowLayout {
                id: row
                required property string title
                required property string amount
                required property bool chosen
                Layout.fillWidth: true
                visible: row.chosen && !screen.paying

                Text {
                    objectName: "paymentFeeTitle"
                    Layout.fillWidth: true
                    text: row.title
                    elide: Text.ElideRight
                    font.pixelSize: Theme.bodySize
                    color: Theme.text
                }

                Text {
                    text: row.amount
                    font.pixelSize: Theme.bodySize
                    font.bold: true
                    color: Theme.text
                }
            }
        }

        BusyIndicator {
            objectName: "paymentBusy"
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: 96
            Layout.preferredHeight: 96
            visible: screen.paying
            running: screen.paying && screen.visible
        }

        Text {
            objectName: "paymentHint"
            Layout.fillWidth: true
            text: screen.paying
                  ? qsTr("Follow the instructions on the payment terminal. To stop, press Stop on the terminal.")
                  : qsTr("You pay with your bank card at the payment terminal. It only receives the amount, nothing about you.")
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.bodySize
            color: Theme.mutedText
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacing
            visible: !screen.paying
            spacing: Theme.spacing

            KioskButton {
                objectName: "paymentBack"
                Layout.fillWidth: true
                text: qsTr("Back")
                quiet: true
                onClicked: screen.session.cancel()
            }

            KioskButton {
                objectName: "paymentConfirm"
                Layout.fillWidth: true
                text: qsTr("Pay %1").arg(screen.session.payTotal)
                onClicked: screen.session.confirmPayment()
            }
        }
    }
}
