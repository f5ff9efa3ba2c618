pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk.Models

// Maintenance mode for library staff: how the kiosk is, and what they can do about it.
// Nothing of any member is shown here (PRIVACY.md P12): devices, the library system, the
// offline journal's items and reasons, today's counts and the recent events.
Rectangle {
    id: screen

    required property SessionViewModel session
    required property StaffViewModel staff
    // "Restart" asks once more before it acts
    property bool confirmRestart: false

    objectName: "staffScreen"
    color: Theme.background

    component Panel: Rectangle {
        id: panel
        property string title: ""
        default property alias content: body.data
        Layout.fillWidth: true
        implicitHeight: body.implicitHeight + 2 * Theme.spacing
        radius: Theme.radius
        color: Theme.surface
        border.width: Theme.hairline
        border.color: Theme.border

        ColumnLayout {
            id: body
            anchors.fill: parent
            anchors.margins: Theme.spacing
            spacing: Theme.spacing / 2

            Text {
                Layout.fillWidth: true
                text: panel.title
                font.pixelSize: Theme.bodySize
                font.bold: true
                color: Theme.text
            }
        }
    }

    component Line: Text {
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.smallSize
        color: Theme.text
    }

    Timer {
        id: disarm
        interval: 5000
        onTriggered: screen.confirmRestart = false
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin / 2
        spacing: Theme.spacing / 2

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            Text {
                Layout.fillWidth: true
                text: qsTr("Maintenance")
                font.pixelSize: Theme.titleSize
                font.bold: true
                color: Theme.text
                elide: Text.ElideRight
            }

            Text {
                objectName: "staffWho"
                text: screen.staff.staff
                font.pixelSize: Theme.smallSize
                color: Theme.mutedText
            }

            KioskButton {
                objectName: "staffLock"
                text: qsTr("Lock")
                onClicked: screen.staff.lock()
            }
        }

        MessageBanner {
            objectName: "staffResult"
            Layout.fillWidth: true
            text: screen.staff.result
            positive: screen.staff.resultOk
        }

        Flickable {
            id: flick
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: width
            contentHeight: grid.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }

            GridLayout {
                id: grid
                width: flick.width
                columns: screen.width > screen.height ? 2 : 1
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacing / 2

                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    Layout.preferredWidth: 1
                    spacing: Theme.spacing / 2

                    Panel {
                        objectName: "staffDevices"
                        title: qsTr("Devices")

                        Repeater {
                            model: screen.staff.devices

                            Line {
                                required property string name
                                required property string health
                                required property string why
                                required property bool ok
                                text: name + ": " + health + (why !== "" ? " (" + why + ")" : "")
                                color: ok ? Theme.text : Theme.danger
                            }
                        }
                    }

                    Panel {
                        title: qsTr("Library system")

                        Line {
                            objectName: "staffIls"
                            text: screen.staff.ils
                            color: screen.staff.ilsOk ? Theme.text : Theme.danger
                        }
                    }

                    Panel {
                        title: qsTr("Offline journal")

                        Line {
                            objectName: "staffJournal"
                            text: screen.staff.journal
                        }

                        Repeater {
                            model: screen.staff.conflicts

                            RowLayout {
                                id: conflictRow
                                required property int conflictId
                                required property string line
                                Layout.fillWidth: true

                                Line {
                                    text: conflictRow.line
                                }

                                KioskButton {
                                    objectName: "staffResolve" + conflictRow.conflictId
                                    implicitHeight: Theme.compactTarget
                                    quiet: true
                                    text: qsTr("Dealt with")
                                    onClicked: screen.staff.resolveConflict(conflictRow.conflictId)
                                }
                            }
                        }

                        KioskButton {
                            objectName: "staffSync"
                            visible: screen.staff.canSync
                            quiet: true
                            text: qsTr("Synchronise now")
                            onClicked: screen.staff.syncNow()
                        }
                    }

                    Panel {
                        objectName: "staffToday"
                        title: qsTr("Today")

                        Repeater {
                            model: screen.staff.counters

                            Line {
                                required property string label
                                required property int value
                                text: label + ": " + value
                            }
                        }
                    }

                    Line {
                        objectName: "staffProblems"
                        visible: text !== ""
                        text: screen.staff.problems
                        color: Theme.danger
                    }
                }

                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    Layout.preferredWidth: 1
                    spacing: Theme.spacing / 2

                    Panel {
                        title: qsTr("Service")

                        Line {
                            objectName: "staffServiceState"
                            text: screen.staff.serviceState
                        }

                        TextField {
                            id: messageField
                            objectName: "staffMessage"
                            Layout.fillWidth: true
                            Layout.preferredHeight: Theme.compactTarget
                            visible: !screen.staff.outOfService
                            maximumLength: 200
                            font.pixelSize: Theme.smallSize
                            placeholderText: qsTr("Message for members (optional)")
                        }

                        KioskButton {
                            objectName: "staffOutOfService"
                            visible: !screen.staff.outOfService
                            quiet: true
                            text: qsTr("Out of service")
                            onClicked: {
                                screen.staff.setOutOfService(messageField.text)
                                messageField.text = ""
                            }
                        }

                        KioskButton {
                            objectName: "staffInService"
                            visible: screen.staff.outOfService
                            quiet: true
                            text: qsTr("Back in service")
                            onClicked: screen.staff.setInService()
                        }
                    }

                    Panel {
                        title: qsTr("Tests")

                        Flow {
                            Layout.fillWidth: true
                            spacing: Theme.spacing / 2

                            KioskButton {
                                objectName: "staffTestPrint"
                                enabled: screen.staff.canPrint
                                quiet: true
                                text: qsTr("Test print")
                                onClicked: screen.staff.testPrint()
                            }

                            KioskButton {
                                objectName: "staffTestReader"
                                quiet: true
                                text: qsTr("Test the card reader")
                                onClicked: screen.staff.testDevice("reader")
                            }

                            KioskButton {
                                objectName: "staffTestScanner"
                                quiet: true
                                text: qsTr("Test the scanner")
                                onClicked: screen.staff.testDevice("scanner")
                            }
                        }

                        Line {
                            objectName: "staffTest"
                            visible: text !== ""
                            text: screen.staff.test
                            font.bold: true
                        }
                    }

                    Panel {
                        title: qsTr("The kiosk")

                        Flow {
                            Layout.fillWidth: true
                            spacing: Theme.spacing / 2

                            KioskButton {
                                objectName: "staffReload"
                                enabled: screen.staff.canRestart
                                quiet: true
                                text: qsTr("Reload the settings")
                                onClicked: screen.staff.reloadConfig()
                            }

                            KioskButton {
                                objectName: "staffRestart"
                                enabled: screen.staff.canRestart
                                quiet: !screen.confirmRestart
                                tone: Theme.danger
                                text: screen.confirmRestart ? qsTr("Tap again to restart")
                                                            : qsTr("Restart")
                                onClicked: {
                                    if (screen.confirmRestart) {
                                        screen.confirmRestart = false
                                        screen.staff.restart()
                                    } else {
                                        screen.confirmRestart = true
                                        disarm.restart()
                                    }
                                }
                            }
                        }

                        Line {
                            text: screen.staff.exportTargets.length > 0
                                  ? qsTr("Save the diagnostics for support to:")
                                  : qsTr("Insert a USB stick to save the diagnostics for support.")
                            color: Theme.mutedText
                        }

                        Repeater {
                            model: screen.staff.exportTargets

                            KioskButton {
                                required property string modelData
                                required property int index
                                objectName: "staffExport" + index
                                Layout.fillWidth: true
                                quiet: true
                                wrap: true
                                text: modelData
                                onClicked: screen.staff.exportTo(modelData)
                            }
                        }
                    }

                    Panel {
                        objectName: "staffEvents"
                        title: qsTr("Recent events")

                        Repeater {
                            model: screen.staff.events

                            Line {
                                required property string line
                                text: line
                                font.family: "monospace"
                            }
                        }
                    }
                }
            }
        }
    }
}
