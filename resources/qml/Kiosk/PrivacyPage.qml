pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk.Models

// "Privacy": in plain words what this kiosk does with personal data, then the library's own
// statement in the kiosk's language (PRIVACY.md P11). Read when opened, gone when closed.
Popup {
    id: page

    required property SessionViewModel session
    property string statement: ""

    objectName: "privacyPage"
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: parent ? parent.width - 2 * Theme.margin : 800
    height: parent ? parent.height - 2 * Theme.margin : 600
    modal: true
    padding: Theme.margin
    closePolicy: Popup.CloseOnPressOutside
    onAboutToShow: statement = session.privacyStatement()
    onClosed: statement = ""

    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacing

        Text {
            Layout.fillWidth: true
            text: qsTr("Your privacy at this kiosk")
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.headlineSize
            font.bold: true
            color: Theme.text
        }

        Flickable {
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentHeight: body.implicitHeight
            clip: true
            ScrollBar.vertical: ScrollBar {}

            ColumnLayout {
                id: body
                width: parent.width
                spacing: Theme.spacing

                Repeater {
                    model: [
                        qsTr("The kiosk uses your library pass only to lend, return and renew, and to show your account while you are here."),
                        qsTr("It shows your first name, never your address, phone number, e-mail address or full card number. Your PIN is never shown."),
                        qsTr("When you are done, take your pass away, or stop touching the screen: the kiosk then forgets everything about you and shows the start screen."),
                        qsTr("The kiosk keeps nothing about you. If the library system cannot be reached, it keeps only card and item numbers until they are sent, and then deletes them."),
                        qsTr("Your receipt shows only the last four digits of your card number. You can also choose no receipt."),
                        qsTr("Nothing is sent anywhere except to the library's own systems.")
                    ]

                    Text {
                        required property string modelData
                        Layout.fillWidth: true
                        text: "\u2022  " + modelData
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.bodySize
                        color: Theme.text
                    }
                }

                Text {
                    objectName: "privacyStatementTitle"
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacing
                    visible: page.statement !== ""
                    text: qsTr("The library's privacy statement")
                    font.pixelSize: Theme.titleSize
                    font.bold: true
                    color: Theme.text
                }

                Text {
                    objectName: "privacyStatement"
                    Layout.fillWidth: true
                    visible: page.statement !== ""
                    text: page.statement
                    textFormat: Text.PlainText
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.smallSize
                    color: Theme.mutedText
                }
            }
        }

        KioskButton {
            objectName: "privacyClose"
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Close")
            onClicked: page.close()
        }
    }
}
