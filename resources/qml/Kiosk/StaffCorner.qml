import QtQuick
import Kiosk.Models

// The hidden way into maintenance mode for staff without their card: five taps on the
// top corner within three seconds, then the staff PIN. Nothing shows; the session machine
// counts the taps.
MouseArea {
    required property SessionViewModel session

    objectName: "staffCorner"
    width: Theme.touchTarget * 1.5
    height: Theme.touchTarget * 1.5
    anchors.top: parent.top
    anchors.left: parent.left
    onClicked: session.staffCorner()
}
