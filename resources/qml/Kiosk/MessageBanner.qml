import QtQuick

// The member's message (a full sentence with the next step); hidden when there is none.
Rectangle {
    id: banner

    property string text: ""
    property bool positive: false

    objectName: "messageBanner"
    visible: text !== ""
    implicitHeight: visible ? messageText.implicitHeight + 36 : 0
    radius: Theme.radius
    color: positive ? Theme.successSoft : Theme.noticeSoft
    border.width: 2
    border.color: positive ? Theme.success : Theme.notice

    Text {
        id: messageText
        objectName: "messageText"
        anchors.fill: parent
        anchors.margins: 18
        text: banner.text
        wrapMode: Text.WordWrap
        verticalAlignment: Text.AlignVCenter
        font.pixelSize: Theme.bodySize
        color: Theme.text
    }
}
