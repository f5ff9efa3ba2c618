import QtQuick
import QtQuick.Layouts
import Kiosk.Models

// Modal question before lending an item with a rental fee (P10: pay only after a clear yes).
Rectangle {
    id: screen

    required property SessionViewModel session

    objectName: "confirmFeeScreen"
    color: Theme.scrim

    // Swallows taps outside the dialog: the member must answer yes or no.
    MouseArea {
        anchors.fill: parent
    }

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 760)
        height: dialogColumn.implicitHeight + 2 * Theme.margin
        radius: Theme.radius
        color: Theme.surface

        ColumnLayout {
            id: dialogColumn
            anchors.fill: parent
            anchors.margins: Theme.margin
            spacing: Theme.spacing

            Text {
                objectName: "feeQuestion"
                Layout.fillWidth: true
                text: qsTr("This item costs %1 to borrow.").arg(screen.session.pendingFee)
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.titleSize
                font.bold: true
                color: Theme.text
            }

            Text {
                objectName: "feeItemTitle"
                Layout.fillWidth: true
                visible: text !== ""
                text: screen.session.pendingItemTitle
                elide: Text.ElideRight
                font.pixelSize: Theme.bodySize
                color: Theme.mutedText
            }

            Text {
                Layout.fillWidth: true
                text: qsTr("Do you want to borrow it? The fee is added to your account.")
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.bodySize
                color: Theme.text
            }

            RowLayout {
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacing
                spacing: Theme.spacing

                KioskButton {
                    objectName: "feeNo"
                    Layout.fillWidth: true
                    text: qsTr("No, thank you")
                    quiet: true
                    onClicked: screen.session.answerFee(false)
                }

                KioskButton {
                    objectName: "feeYes"
                    Layout.fillWidth: true
                    text: qsTr("Yes, borrow it")
                    onClicked: screen.session.answerFee(true)
                }
            }
        }
    }
}
