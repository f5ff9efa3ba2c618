import QtQuick
import QtQuick.Controls.Basic

// A large, high-contrast touch button. ``quiet`` gives the secondary (outlined) look.
// Sizes and colours come from the Theme, so large text and high contrast reach every button.
Button {
    id: control

    property color tone: Theme.accent
    property bool quiet: false
    // Long labels wrap onto more lines instead of being cut off.
    property bool wrap: false
    // A one-word label on a narrow key (a keypad's OK in every language) shrinks a little to
    // fit rather than being cut off.
    property bool fit: false

    implicitHeight: Theme.touchTarget
    implicitWidth: Math.max(Theme.buttonMinWidth, implicitContentWidth + leftPadding + rightPadding)
    leftPadding: 28
    rightPadding: 28
    font.pixelSize: Theme.bodySize + 2
    font.bold: !quiet
    focusPolicy: Qt.NoFocus

    contentItem: Text {
        text: control.text
        font: control.font
        color: control.quiet ? control.tone : Theme.textOnAccent
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: control.wrap ? Text.WordWrap : Text.NoWrap
        elide: control.wrap ? Text.ElideNone : Text.ElideRight
        fontSizeMode: control.fit ? Text.HorizontalFit : Text.FixedSize
        minimumPixelSize: Math.round(control.font.pixelSize * 0.66)
    }

    background: Rectangle {
        radius: Theme.radius
        opacity: control.enabled ? 1.0 : 0.4
        color: control.quiet ? (control.down ? Theme.accentSoft : Theme.surface)
                             : (control.down ? Qt.darker(control.tone, 1.3) : control.tone)
        border.width: control.quiet ? Theme.borderWidth : 0
        border.color: control.tone
    }
}
