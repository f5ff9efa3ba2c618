pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts

// A numeric keypad with large keys. Keys are named <namePrefix>Key<digit>, ...KeyBack, ...KeyOk.
GridLayout {
    id: pad

    property string namePrefix: "keypad"
    property string submitText: qsTr("OK")
    property bool submitEnabled: true
    // The ten digits in the order shown: the last one sits between erase and OK. A shuffled
    // order guards a PIN against someone watching the positions (PRIVACY.md P2).
    property var digits: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"]

    signal digit(string value)
    signal erase()
    signal submit()

    columns: 3
    rowSpacing: 14
    columnSpacing: 14

    Repeater {
        model: pad.digits.slice(0, 9)

        KioskButton {
            id: key
            required property string modelData
            objectName: pad.namePrefix + "Key" + modelData
            text: modelData
            quiet: true
            font.pixelSize: Theme.titleSize
            Layout.preferredWidth: Theme.keyWidth
            Layout.preferredHeight: Theme.keyHeight
            onClicked: pad.digit(key.modelData)
        }
    }

    KioskButton {
        objectName: pad.namePrefix + "KeyBack"
        text: "\u232B"
        Accessible.name: qsTr("Erase")
        quiet: true
        font.pixelSize: Theme.titleSize
        Layout.preferredWidth: Theme.keyWidth
        Layout.preferredHeight: Theme.keyHeight
        onClicked: pad.erase()
    }

    KioskButton {
        objectName: pad.namePrefix + "Key" + pad.digits[9]
        text: pad.digits[9]
        quiet: true
        font.pixelSize: Theme.titleSize
        Layout.preferredWidth: Theme.keyWidth
        Layout.preferredHeight: Theme.keyHeight
        onClicked: pad.digit(pad.digits[9])
    }

    KioskButton {
        objectName: pad.namePrefix + "KeyOk"
        text: pad.submitText
        enabled: pad.submitEnabled
        fit: true
        leftPadding: 10
        rightPadding: 10
        Layout.preferredWidth: Theme.keyWidth
        Layout.preferredHeight: Theme.keyHeight
        onClicked: pad.submit()
    }
}
