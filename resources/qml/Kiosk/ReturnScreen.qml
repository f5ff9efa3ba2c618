import QtQuick
import QtQuick.Layouts
import Kiosk.Models

// Returning items, with or without a card: each scanned item says where it goes now.
Rectangle {
    id: screen

    required property SessionViewModel session

    objectName: "returnScreen"
    color: Theme.background

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            ColumnLayout {
                Layout.fillWidth: true
                spacing: 6

                Text {
                    objectName: "returnTitle"
                    Layout.fillWidth: true
                    text: qsTr("Return items")
                    font.pixelSize: Theme.headlineSize
                    font.bold: true
                    color: Theme.text
                }

                Text {
                    Layout.fillWidth: true
                    text: screen.session.hasPad
                          ? qsTr("Put the items you bring back on the pad, or scan their barcodes.")
                          : qsTr("Scan the barcode of each item you bring back.")
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.bodySize
                    color: Theme.mutedText
                }
            }

            KioskButton {
                objectName: "returnDone"
                Layout.preferredWidth: Theme.largeTargetWidth
                Layout.preferredHeight: Theme.largeTarget
                text: qsTr("Done")
                font.pixelSize: Theme.titleSize
                onClicked: screen.session.done()
            }
        }

        MessageBanner {
            Layout.fillWidth: true
            text: screen.session.message
        }

        Text {
            objectName: "noReturnsText"
            Layout.fillWidth: true
            visible: returnList.count === 0
            text: qsTr("Nothing returned yet.")
            font.pixelSize: Theme.bodySize
            color: Theme.mutedText
        }

        ListView {
            id: returnList
            objectName: "returnList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 10
            model: screen.session.returns

            delegate: Rectangle {
                id: returnRow

                required property string title
                required property string itemId
                required property bool ok
                required property string message
                required property string sortBin

                width: ListView.view.width
                implicitHeight: returnColumn.implicitHeight + 24
                radius: 10
                color: ok ? Theme.successSoft : Theme.noticeSoft

                ColumnLayout {
                    id: returnColumn
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    anchors.margins: 14
                    spacing: 4

                    Text {
                        objectName: "returnItemTitle"
                        Layout.fillWidth: true
                        text: (returnRow.ok ? "\u2713  " : "\u2717  ") + returnRow.title
                        elide: Text.ElideRight
                        font.pixelSize: Theme.bodySize
                        font.bold: true
                        color: returnRow.ok ? Theme.success : Theme.notice
                    }

                    Text {
                        objectName: "returnItemMessage"
                        Layout.fillWidth: true
                        text: returnRow.sortBin !== ""
                              ? qsTr("%1 Bin: %2").arg(returnRow.message).arg(returnRow.sortBin)
                              : returnRow.message
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.smallSize
                        color: Theme.text
                    }
                }
            }
        }
    }
}
