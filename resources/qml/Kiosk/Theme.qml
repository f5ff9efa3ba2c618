pragma Singleton
import QtQuick

// One calm palette and type scale for every screen: high contrast, large type (UX rule 7).
QtObject {
    readonly property color background: "#F4F6F8"
    readonly property color surface: "#FFFFFF"
    readonly property color text: "#15202B"
    readonly property color mutedText: "#3F4C5A"
    readonly property color border: "#C9D1DA"
    readonly property color accent: "#0A5C73"
    readonly property color accentPressed: "#073F4F"
    readonly property color accentSoft: "#E3F0F4"
    readonly property color success: "#1D6B35"
    readonly property color successSoft: "#E4F3E8"
    readonly property color danger: "#A4262C"
    readonly property color dangerSoft: "#FBE9EA"
    readonly property color notice: "#7A4B00"
    readonly property color noticeSoft: "#FFF4DC"
    readonly property color scrim: "#B3101820"

    readonly property int bodySize: 22
    readonly property int smallSize: 20
    readonly property int titleSize: 30
    readonly property int headlineSize: 44
    readonly property int displaySize: 56

    readonly property int margin: 40
    readonly property int spacing: 20
    readonly property int radius: 14
    readonly property int touchTarget: 80
}
