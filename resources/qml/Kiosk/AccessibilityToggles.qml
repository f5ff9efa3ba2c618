import QtQuick
import QtQuick.Layouts
import Kiosk.Models

// The member's two switches, larger text and high contrast, for their own session: the kiosk
// goes back to the library's choice afterwards. Low on the screen, where a member in a
// wheelchair reaches them too; the tick, not only the fill, says which is on.
Rectangle {
    id: bar

    objectName: "accessibilityToggles"
    color: Theme.background
    implicitHeight: toggles.implicitHeight + Theme.spacing / 2

    RowLayout {
        id: toggles
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.leftMargin: Theme.margin
        spacing: Theme.spacing

        KioskButton {
            objectName: "largeTextButton"
            Layout.maximumWidth: (bar.width - 2 * Theme.margin - Theme.spacing) / 2
            wrap: true
            text: (Accessibility.largeText ? "\u2713  " : "") + qsTr("Larger text")
            implicitHeight: Theme.compactTarget
            quiet: !Accessibility.largeText
            Accessible.checkable: true
            Accessible.checked: Accessibility.largeText
            onClicked: Accessibility.largeText = !Accessibility.largeText
        }

        KioskButton {
            objectName: "highContrastButton"
            Layout.maximumWidth: (bar.width - 2 * Theme.margin - Theme.spacing) / 2
            wrap: true
            text: (Accessibility.highContrast ? "\u2713  " : "") + qsTr("High contrast")
            implicitHeight: Theme.compactTarget
            quiet: !Accessibility.highContrast
            Accessible.checkable: true
            Accessible.checked: Accessibility.highContrast
            onClicked: Accessibility.highContrast = !Accessibility.highContrast
        }
    }
}
