pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk.Models

// The kiosk window. QML only draws the session: every decision is in the Python view-models.
ApplicationWindow {
    id: win

    required property SessionViewModel session
    // Only in demo mode: the simulator side panel.
    property SimulatorViewModel simulator: null
    property bool fullscreen: false

    width: simulator !== null ? 1600 : 1280
    height: 800
    visibility: fullscreen ? Window.FullScreen : Window.Windowed
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

            // One screen at a time: leaving a screen destroys it with whatever it held.
            Loader {
                id: screenLoader
                objectName: "screenLoader"
                anchors.fill: parent
                sourceComponent: {
                    switch (win.session.screen) {
                    case "idle": return idleScreen
                    case "card_entry": return cardEntryScreen
                    case "pin": return pinScreen
                    case "identifying": return identifyingScreen
                    case "home": return homeScreen
                    case "confirm_fee": return confirmFeeScreen
                    case "return": return returnScreen
                    case "receipt": return receiptScreen
                    case "goodbye": return goodbyeScreen
                    default: return outOfServiceScreen
                    }
                }
            }

            BusyOverlay {
                anchors.horizontalCenter: parent.horizontalCenter
                anchors.bottom: parent.bottom
                anchors.bottomMargin: Theme.margin
                busy: win.session.busy && win.session.screen !== "identifying"
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
