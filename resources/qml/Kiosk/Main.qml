pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk.Models

// The kiosk window. QML only draws the session: every decision is in the Python view-models.
ApplicationWindow {
    id: win

    required property SessionViewModel session
    required property StaffViewModel staff
    // Only in demo mode: the simulator side panel.
    property SimulatorViewModel simulator: null
    property bool fullscreen: false
    // An installed kiosk: no frame to close or move it by (kiosk.ui.lockdown)
    property bool lockdown: false
    // [kiosk] orientation: a screen standing upright gets 800x1280
    property bool portrait: false

    width: (portrait ? 800 : 1280) + (simulator !== null ? 320 : 0)
    height: portrait ? 1280 : 800
    visibility: fullscreen ? Window.FullScreen : Window.Windowed
    flags: lockdown ? (Qt.Window | Qt.FramelessWindowHint) : Qt.Window
    title: qsTr("Library Kiosk")
    color: Theme.background
    font.pixelSize: Theme.bodySize

    Component {
        id: idleScreen
        IdleScreen { session: win.session }
    }
    Component {
        id: cardEntryScreen
        CardEntryScreen { session: win.session }
    }
    Component {
        id: pinScreen
        PinScreen { session: win.session }
    }
    Component {
        id: identifyingScreen
        IdentifyingScreen { session: win.session }
    }
    Component {
        id: homeScreen
        HomeScreen { session: win.session }
    }
    Component {
        id: confirmFeeScreen
        ConfirmFeeScreen { session: win.session }
    }
    Component {
        id: paymentScreen
        PaymentScreen { session: win.session }
    }
    Component {
        id: returnScreen
        ReturnScreen { session: win.session }
    }
    Component {
        id: receiptScreen
        ReceiptScreen { session: win.session }
    }
    Component {
        id: goodbyeScreen
        GoodbyeScreen { session: win.session }
    }
    Component {
        id: staffPinScreen
        StaffPinScreen { session: win.session }
    }
    Component {
        id: staffScreen
        StaffScreen {
            session: win.session
            staff: win.staff
        }
    }
    Component {
        id: outOfServiceScreen
        OutOfServiceScreen { session: win.session }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0
        // Right-to-left languages (Arabic) mirror every layout below.
        LayoutMirroring.enabled: Qt.application.layoutDirection === Qt.RightToLeft
        LayoutMirroring.childrenInherit: true

        Item {
            id: stage
            Layout.fillWidth: true
            Layout.fillHeight: true

            ColumnLayout {
                anchors.fill: parent
                spacing: 0

                // One screen at a time: leaving a screen destroys it with whatever it held.
                Loader {
                    id: screenLoader
                    objectName: "screenLoader"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    sourceComponent: {
                        switch (win.session.screen) {
                        case "idle": return idleScreen
                        case "card_entry": return cardEntryScreen
                        case "pin": return pinScreen
                        case "identifying": return identifyingScreen
                        case "home": return homeScreen
                        case "confirm_fee": return confirmFeeScreen
                        case "pay_confirm": return paymentScreen
                        case "paying": return paymentScreen
                        case "return": return returnScreen
                        case "receipt": return receiptScreen
                        case "goodbye": return goodbyeScreen
                        case "staff_pin": return staffPinScreen
                        case "staff": return staffScreen
                        default: return outOfServiceScreen
                        }
                    }
                }

                // Larger text and high contrast, where a member starts: idle and home.
                AccessibilityToggles {
                    id: toggles
                    Layout.fillWidth: true
                    visible: win.session.screen === "idle" || win.session.screen === "home"
                }
            }

            BusyOverlay {
                anchors.horizontalCenter: parent.horizontalCenter
                anchors.bottom: parent.bottom
                anchors.bottomMargin: Theme.margin + (toggles.visible ? toggles.height : 0)
                busy: win.session.busy && win.session.screen !== "identifying"
                      && win.session.screen !== "paying"
            }

            StackCountDialog {
                anchors.fill: parent
                session: win.session
            }

            CountdownOverlay {
                anchors.fill: parent
                session: win.session
            }
        }

        Loader {
            objectName: "simulatorLoader"
            active: win.simulator !== null
            visible: active
            Layout.preferredWidth: 320
            Layout.fillHeight: true
            sourceComponent: Component {
                SimulatorPanel { simulator: win.simulator }
            }
        }
    }
}
