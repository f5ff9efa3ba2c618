import QtQuick
import QtQuick.Layouts
import Kiosk.Models

// After borrowing: a receipt on paper, or none. When the printer cannot print the member is
// told so, and what was borrowed stays on the screen instead (the loans are saved either way).
Rectangle {
    id: screen

    required property SessionViewModel session

    objectName: "receiptScreen"
    color: Theme.background

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        Text {
            objectName: "receiptQuestion"
            Layout.fillWidth: true
            text: screen.session.canPrint || screen.session.canEmail
                  ? qsTr("Would you like a receipt?")
                  : qsTr("What you borrowed today")
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.titleSize
            font.bold: true
            color: Theme.text
        }

        MessageBanner {
            objectName: "receiptMessage"
            Layout.fillWidth: true
            text: screen.session.message
        }

        ListView {
            objectName: "receiptList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 10
            model: screen.session.checkouts

            delegate: Rectangle {
                id: receiptRow

                required property string title
                required property string itemId
                required property bool ok
                required property string message

                width: ListView.view.width
                implicitHeight: rowColumn.implicitHeight + 24
                radius: 10
                color: ok ? Theme.successSoft : Theme.noticeSoft

                ColumnLayout {
                    id: rowColumn
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    anchors.margins: 14
                    spacing: 4

                    Text {
                        objectName: "receiptTitle"
                        Layout.fillWidth: true
                        text: (receiptRow.ok ? "\u2713  " : "\u2717  ")
                              + (receiptRow.title !== "" ? receiptRow.title : receiptRow.itemId)
                        elide: Text.ElideRight
                        font.pixelSize: Theme.bodySize
                        font.bold: true
                        color: receiptRow.ok ? Theme.success : Theme.notice
                    }

                    Text {
                        Layout.fillWidth: true
                        text: receiptRow.message
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.smallSize
                        color: Theme.text
                    }
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            KioskButton {
                objectName: "receiptEmail"
                Layout.fillWidth: true
                visible: screen.session.canEmail
                enabled: !screen.session.busy
                wrap: true
                text: qsTr("E-mail to %1").arg(screen.session.emailMasked)
                quiet: true
                onClicked: screen.session.emailReceipt()
            }

            KioskButton {
                objectName: "receiptNo"
                Layout.fillWidth: true
                wrap: true
                visible: screen.session.canPrint || screen.session.canEmail
                enabled: !screen.session.busy
                text: qsTr("No receipt, thanks")
                quiet: true
                onClicked: screen.session.chooseReceipt(false)
            }

            KioskButton {
                objectName: "receiptPrint"
                Layout.fillWidth: true
                wrap: true
                visible: screen.session.canPrint
                enabled: !screen.session.busy
                text: screen.session.busy ? qsTr("Printing…") : qsTr("Print a receipt")
                onClicked: screen.session.chooseReceipt(true)
            }

            KioskButton {
                objectName: "receiptDone"
                Layout.fillWidth: true
                visible: !screen.session.canPrint && !screen.session.canEmail
                text: qsTr("Done")
                onClicked: screen.session.done()
            }
        }
    }
}
