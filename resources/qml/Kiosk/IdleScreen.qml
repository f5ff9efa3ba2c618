import QtQuick
import QtQuick.Layouts
import Kiosk.Models

// The attract screen: what to do with your library pass, and the way to type its number.
Rectangle {
    id: screen

    required property SessionViewModel session

    objectName: "idleScreen"
    color: Theme.background

    PrivacyPage {
        id: privacyPage
        session: screen.session
    }

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin,
                        Math.max(820 * Theme.scale, actions.implicitWidth))
        // Large text, a long translation and a message may not fit in landscape: drawn a
        // little smaller then (still larger than normal text), never under the switches.
        scale: Math.min(1, (parent.height - Theme.spacing) / Math.max(1, implicitHeight))
        spacing: Theme.spacing * 1.5

        Text {
            objectName: "libraryNameText"
            Layout.fillWidth: true
            text: screen.session.libraryName
            visible: text !== ""
            horizontalAlignment: Text.AlignHCenter
            font.pixelSize: Theme.titleSize
            color: Theme.accent
        }

        Text {
            objectName: "idleTitle"
            Layout.fillWidth: true
            text: qsTr("Tap your library pass")
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.displaySize
            font.bold: true
            color: Theme.text
        }

        Text {
            Layout.fillWidth: true
            text: qsTr("Hold it against the reader, or scan the barcode on the back.")
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.bodySize + 2
            color: Theme.mutedText
        }

        MessageBanner {
            Layout.fillWidth: true
            text: screen.session.message
        }

        GridLayout {
            id: actions
            Layout.alignment: Qt.AlignHCenter
            Layout.topMargin: Theme.spacing
            // Side by side where they fit; one under the other on a narrow (portrait) screen.
            columns: typeCardButton.implicitWidth + returnButton.implicitWidth
                     + privacyButton.implicitWidth + 2 * Theme.spacing
                     <= screen.width - 2 * Theme.margin ? 3 : 1
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing

            KioskButton {
                id: typeCardButton
                objectName: "typeCardButton"
                Layout.fillWidth: actions.columns === 1
                text: qsTr("Type your card number")
                quiet: true
                onClicked: screen.session.openKeypad()
            }

            KioskButton {
                id: returnButton
                objectName: "returnButton"
                Layout.fillWidth: actions.columns === 1
                text: qsTr("Return items")
                quiet: true
                onClicked: screen.session.startReturns()
            }

            KioskButton {
                id: privacyButton
                objectName: "privacyButton"
                Layout.fillWidth: actions.columns === 1
                text: qsTr("Privacy")
                quiet: true
                onClicked: privacyPage.open()
            }
        }

        // Each language named in itself, so that anyone finds their own.
        Flow {
            objectName: "languageChoice"
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacing
            spacing: 12

            Repeater {
                model: screen.session.languageChoices

                KioskButton {
                    id: languageButton
                    required property var modelData
                    objectName: "lang_" + modelData.code
                    implicitHeight: Theme.compactTarget
                    quiet: screen.session.language !== modelData.code
                    font.pixelSize: Theme.smallSize
                    text: languageButton.modelData.name
                    onClicked: screen.session.chooseLanguage(languageButton.modelData.code)
                }
            }
        }
    }

    StaffCorner {
        session: screen.session
    }
}
