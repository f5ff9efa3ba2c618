pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk.Models

// Demo mode only: plays the card reader and the scanner through the simulated devices, switches
// their faults on and off, and shows what the simulated printer printed.
Rectangle {
    id: panel

    required property SimulatorViewModel simulator

    objectName: "simulatorPanel"
    color: "#1E2A36"

    Flickable {
        anchors.fill: parent
        anchors.margins: 20
        contentHeight: panelColumn.implicitHeight
        clip: true
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: panelColumn
            width: parent.width
            spacing: 12

            Text {
                Layout.fillWidth: true
                text: qsTr("Simulator")
                font.pixelSize: Theme.titleSize
                font.bold: true
                color: "#FFFFFF"
            }

            Text {
                Layout.fillWidth: true
                text: qsTr("Demo mode: these buttons play the card reader and the scanner.")
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.smallSize
                color: "#C9D6E2"
            }

            KioskButton {
                objectName: "simRemoveCard"
                Layout.fillWidth: true
                implicitHeight: 56
                font.pixelSize: Theme.smallSize
                tone: "#5B6B7B"
                text: qsTr("Take the card away")
                onClicked: panel.simulator.removeCard()
            }

            Text {
                Layout.fillWidth: true
                Layout.topMargin: 12
                text: qsTr("Scan any code")
                font.pixelSize: Theme.smallSize
                font.bold: true
                color: "#FFFFFF"
            }

            TextField {
                id: scanField
                objectName: "simScanField"
                Layout.fillWidth: true
                font.pixelSize: Theme.smallSize
                placeholderText: qsTr("Card number or barcode")
                onAccepted: scanButton.clicked()
            }

            KioskButton {
                id: scanButton
                objectName: "simScanButton"
                Layout.fillWidth: true
                implicitHeight: 56
                font.pixelSize: Theme.smallSize
                text: qsTr("Scan")
                enabled: scanField.text !== ""
                onClicked: {
                    panel.simulator.scan(scanField.text)
                    scanField.clear()
                }
            }

            Text {
                Layout.fillWidth: true
                Layout.topMargin: 12
                text: qsTr("Library pass")
                font.pixelSize: Theme.smallSize
                font.bold: true
                color: "#FFFFFF"
            }

            Repeater {
                model: panel.simulator.cards

                KioskButton {
                    id: cardButton
                    required property var modelData
                    required property int index
                    objectName: "simCard" + index
                    Layout.fillWidth: true
                    implicitHeight: Math.max(56, implicitContentHeight + 20)
                    wrap: true
                    font.bold: false
                    font.pixelSize: Theme.smallSize
                    text: cardButton.modelData.label
                    onClicked: panel.simulator.presentCard(cardButton.modelData.code)
                }
            }

            Text {
                Layout.fillWidth: true
                Layout.topMargin: 12
                visible: panel.simulator.hasPad
                text: qsTr("RFID pad")
                font.pixelSize: Theme.smallSize
                font.bold: true
                color: "#FFFFFF"
            }

            Repeater {
                model: panel.simulator.hasPad ? [
                    { action: "stack", label: qsTr("Put 3 items on the pad") },
                    { action: "course", label: qsTr("Put 2 of a course's 3 discs on it") },
                    { action: "disc", label: qsTr("Add the third disc") },
                    { action: "lift", label: qsTr("Take everything off the pad") }
                ] : []

                KioskButton {
                    id: padButton
                    required property var modelData
                    objectName: "simPad_" + modelData.action
                    Layout.fillWidth: true
                    implicitHeight: Math.max(56, implicitContentHeight + 20)
                    wrap: true
                    font.bold: false
                    font.pixelSize: Theme.smallSize
                    text: padButton.modelData.label
                    onClicked: panel.simulator.pad(padButton.modelData.action)
                }
            }

            Text {
                Layout.fillWidth: true
                Layout.topMargin: 12
                text: qsTr("Scan an item")
                font.pixelSize: Theme.smallSize
                font.bold: true
                color: "#FFFFFF"
            }

            Repeater {
                model: panel.simulator.items

                KioskButton {
                    id: itemButton
                    required property var modelData
                    required property int index
                    objectName: "simItem" + index
                    Layout.fillWidth: true
                    implicitHeight: Math.max(56, implicitContentHeight + 20)
                    wrap: true
                    font.bold: false
                    font.pixelSize: Theme.smallSize
                    text: itemButton.modelData.label
                    onClicked: panel.simulator.scan(itemButton.modelData.code)
                }
            }

            Text {
                Layout.fillWidth: true
                Layout.topMargin: 12
                visible: panel.simulator.canFault
                text: qsTr("Device faults")
                font.pixelSize: Theme.smallSize
                font.bold: true
                color: "#FFFFFF"
            }

            Repeater {
                model: panel.simulator.canFault ? [
                    { fault: "reader_unplugged", label: qsTr("Card reader unplugged") },
                    { fault: "scanner_unplugged", label: qsTr("Scanner unplugged") },
                    { fault: "paper_out", label: qsTr("Printer out of paper") },
                    { fault: "printer_offline", label: qsTr("Printer off-line") },
                    { fault: "payment_declined", label: qsTr("Payments declined") },
                    { fault: "terminal_unplugged", label: qsTr("Payment terminal unplugged") }
                ] : []

                Switch {
                    id: faultSwitch
                    required property var modelData
                    objectName: "simFault_" + modelData.fault
                    Layout.fillWidth: true
                    checked: panel.simulator.faults[modelData.fault] === true
                    onToggled: panel.simulator.setFault(modelData.fault, checked)
                    contentItem: Text {
                        leftPadding: faultSwitch.indicator.width + faultSwitch.spacing
                        text: faultSwitch.modelData.label
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.smallSize
                        color: "#FFFFFF"
                        verticalAlignment: Text.AlignVCenter
                    }
                }
            }

            Text {
                Layout.fillWidth: true
                Layout.topMargin: 12
                visible: panel.simulator.receipt !== ""
                text: qsTr("The printer printed")
                font.pixelSize: Theme.smallSize
                font.bold: true
                color: "#FFFFFF"
            }

            Rectangle {
                Layout.fillWidth: true
                visible: panel.simulator.receipt !== ""
                implicitHeight: receiptText.implicitHeight + 20
                color: "#FFFFFF"
                radius: 4

                Text {
                    id: receiptText
                    objectName: "simReceipt"
                    anchors.fill: parent
                    anchors.margins: 10
                    text: panel.simulator.receipt
                    font.family: "monospace"
                    font.pixelSize: 11
                    color: "#000000"
                    wrapMode: Text.NoWrap
                    clip: true
                }
            }
        }
    }
}
