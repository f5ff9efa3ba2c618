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
        width: Math.min(parent.width - 2 * Theme.margin, 820)
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

        RowLayout {
            Layout.alignment: Qt.AlignHCenter
            Layout.topMargin: Theme.spacing
            spacing: Theme.spacing

            KioskButton {
                objectName: "typeCardButton"
                text: qsTr("Type your card number")
                quiet: true
                onClicked: screen.session.openKeypad()
            }

            KioskButton {
                objectName: "returnButton"
                text: qsTr("Return items")
                quiet: true
                onClicked: screen.session.startReturns()
            }

            KioskButton {
                objectName: "privacyButton"
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
                    implicitHeight: 64
                    quiet: screen.session.language !== modelData.code
                    font.pixelSize: Theme.smallSize
                    text: languageButton.modelData.name
                    onClicked: screen.session.chooseLanguage(languageButton.modelData.code)
                }
            }
        }
    }
}
