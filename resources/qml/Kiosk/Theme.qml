pragma Singleton
import QtQuick
import Kiosk.Models

// The kiosk's design system: one palette and one type scale for every screen (UX rule 7).
//
// Three variants, switched live by the member (docs/accessibility.md):
//   normal        - calm colours, every text pair at least 4.5:1 (WCAG AA)
//   large text    - body type and touch targets x1.35, headings x1.2 (large already); the
//                   layouts still fit 1280x800 and 800x1280, in every language
//   high contrast - near-black on white, white on near-black buttons: every text pair at
//                   least 7:1 (WCAG AAA), heavier borders; state is never shown by colour alone
// Large text and high contrast combine. The switches live in Python (Accessibility, in
// Kiosk.Models): the member's choice goes back to the library's default after each session.
QtObject {
    id: theme

    // -- the variant
    readonly property bool largeText: Accessibility.largeText
    readonly property bool highContrast: Accessibility.highContrast
    readonly property string variant: highContrast
                                      ? (largeText ? "large-high-contrast" : "high-contrast")
                                      : (largeText ? "large" : "normal")
    readonly property real scale: largeText ? 1.35 : 1.0
    // Headings are large already: they grow less, so that a long translation still fits.
    readonly property real headingScale: largeText ? 1.2 : 1.0

    // -- colours: every text colour is named after what it is drawn on in the tests
    // (tests/gui/test_accessibility_contrast.py); add a pair there when you add one here.
    component Palette: QtObject {
        property color background
        property color surface
        property color text
        property color mutedText
        property color border
        property color accent
        property color accentPressed
        property color accentSoft
        property color textOnAccent
        property color success
        property color successSoft
        property color danger
        property color dangerSoft
        property color notice
        property color noticeSoft
        property color scrim
    }

    readonly property Palette normalPalette: Palette {
        background: "#F4F6F8"
        surface: "#FFFFFF"
        text: "#15202B"
        mutedText: "#3F4C5A"
        border: "#C9D1DA"
        accent: "#0A5C73"
        accentPressed: "#073F4F"
        accentSoft: "#E3F0F4"
        textOnAccent: "#FFFFFF"
        success: "#1D6B35"
        successSoft: "#E4F3E8"
        danger: "#A4262C"
        dangerSoft: "#FBE9EA"
        notice: "#7A4B00"
        noticeSoft: "#FFF4DC"
        scrim: "#B3101820"
    }

    readonly property Palette highContrastPalette: Palette {
        background: "#FFFFFF"
        surface: "#FFFFFF"
        text: "#0A0A0A"
        mutedText: "#262626"
        // Surfaces are as white as the background: a black border sets them apart.
        border: "#0A0A0A"
        accent: "#00394D"
        accentPressed: "#001E29"
        accentSoft: "#DDEEF4"
        textOnAccent: "#FFFFFF"
        success: "#00521F"
        successSoft: "#E6F4EA"
        danger: "#8A0011"
        dangerSoft: "#FCE8EA"
        notice: "#5C3700"
        noticeSoft: "#FFF1D6"
        scrim: "#E6000000"
    }

    readonly property Palette palette: highContrast ? highContrastPalette : normalPalette

    readonly property color background: palette.background
    readonly property color surface: palette.surface
    readonly property color text: palette.text
    readonly property color mutedText: palette.mutedText
    readonly property color border: palette.border
    readonly property color accent: palette.accent
    readonly property color accentPressed: palette.accentPressed
    readonly property color accentSoft: palette.accentSoft
    readonly property color textOnAccent: palette.textOnAccent
    readonly property color success: palette.success
    readonly property color successSoft: palette.successSoft
    readonly property color danger: palette.danger
    readonly property color dangerSoft: palette.dangerSoft
    readonly property color notice: palette.notice
    readonly property color noticeSoft: palette.noticeSoft
    readonly property color scrim: palette.scrim

    // Outlines carry meaning in high contrast (a chosen tab, a quiet button): heavier there.
    readonly property int borderWidth: highContrast ? 3 : 2
    readonly property int hairline: highContrast ? 2 : 1

    // -- type
    readonly property int bodySize: Math.round(22 * scale)
    readonly property int smallSize: Math.round(20 * scale)
    readonly property int titleSize: Math.round(30 * scale)
    readonly property int headlineSize: Math.round(44 * headingScale)
    readonly property int displaySize: Math.round(56 * headingScale)

    // -- space: a little less around things when the things themselves are larger
    readonly property int margin: largeText ? 32 : 40
    readonly property int spacing: largeText ? 16 : 20
    readonly property int radius: 14

    // -- touch targets: never under 15 mm on the configured screen (Accessibility.minimumTarget,
    // from [kiosk] screen_diagonal_inch), whatever the design sizes below say
    readonly property int minimumTarget: Accessibility.minimumTarget
    function target(size: real): int {
        return Math.round(Math.max(size, theme.minimumTarget) * theme.scale)
    }
    // the usual button
    readonly property int touchTarget: target(80)
    // the big "Done" of a screen
    readonly property int largeTarget: target(96)
    readonly property int largeTargetWidth: Math.round(220 * scale)
    // small secondary buttons: tabs, languages, "Renew"
    readonly property int compactTarget: target(64)
    // keypad keys and the field above them: keys grow less in height, so that the keypad
    // still fits under its question and its field on an 800 px high screen
    readonly property int keyWidth: target(128)
    readonly property int keyHeight: Math.round(Math.max(84, minimumTarget)
                                                * (largeText ? 1.1 : 1.0))
    readonly property int fieldHeight: Math.max(76, titleSize + 32)
    readonly property int buttonMinWidth: 160
}
