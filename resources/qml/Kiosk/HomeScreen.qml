pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk.Models

// The member's screen: a greeting, current loans, and borrowing by scanning (or typing) items.
Rectangle {
    id: screen

    required property SessionViewModel session

    objectName: "homeScreen"
    color: Theme.background

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        GridLayout {
            // On a screen standing upright the greeting gets a row of its own.
            columns: screen.width > screen.height ? 3 : 2
            Layout.fillWidth: true
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing

            ColumnLayout {
                Layout.fillWidth: true
                Layout.columnSpan: screen.width > screen.height ? 1 : 2
                spacing: 6

                Text {
                    objectName: "greetingText"
                    Layout.fillWidth: true
                    text: screen.session.greeting !== ""
                          ? qsTr("Hello, %1").arg(screen.session.greeting)
                          : qsTr("Hello")
                    elide: Text.ElideRight
                    font.pixelSize: Theme.headlineSize
                    font.bold: true
                    color: Theme.text
                }

                Text {
                    Layout.fillWidth: true
                    text: screen.session.hasPad
                          ? qsTr("Put the items you want to borrow on the pad, or scan their barcodes.")
                          : qsTr("Scan the barcode of each item you want to borrow.")
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.bodySize
                    color: Theme.mutedText
                }
            }

            KioskButton {
                objectName: "homeReturnButton"
                Layout.fillWidth: screen.width < screen.height
                Layout.preferredHeight: Theme.largeTarget
                text: qsTr("Return items")
                quiet: true
                onClicked: screen.session.startReturns()
            }

            KioskButton {
                objectName: "doneButton"
                Layout.fillWidth: screen.width < screen.height
                Layout.preferredWidth: Theme.largeTargetWidth
                Layout.preferredHeight: Theme.largeTarget
                text: qsTr("Done")
                font.pixelSize: Theme.titleSize
                onClicked: screen.session.done()
            }
        }

        MessageBanner {
            Layout.fillWidth: true
            text: screen.session.message
        }

        GridLayout {
            // Side by side, or one above the other on a screen standing upright.
            columns: screen.width > screen.height ? 2 : 1
            Layout.fillWidth: true
            Layout.fillHeight: true
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing

            // -- the member's account: loans, holds, fees, family (P9)
            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                Layout.preferredHeight: 1
                radius: Theme.radius
                color: Theme.surface
                border.width: Theme.hairline
                border.color: Theme.border

                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    spacing: 12

                    // The sections of the account; each says how much is in it.
                    Flow {
                        id: tabs
                        // Back from paying: on the fees, where the member was.
                        property int current: screen.session.fromPayment ? 2 : 0
                        Layout.fillWidth: true
                        spacing: 8

                        Repeater {
                            model: [
                                { name: "tabLoans", label: qsTr("Loans (%1)").arg(loanList.count), shown: true },
                                { name: "tabHolds", label: qsTr("Holds (%1)").arg(holdList.count), shown: holdList.count > 0 },
                                { name: "tabFees", label: qsTr("Fees %1").arg(screen.session.feesTotal), shown: feeList.count > 0 },
                                { name: "tabFamily", label: qsTr("Family (%1)").arg(familyList.count), shown: familyList.count > 0 }
                            ]

                            KioskButton {
                                id: tabButton
                                required property var modelData
                                required property int index
                                objectName: modelData.name
                                visible: modelData.shown
                                implicitHeight: Theme.compactTarget
                                quiet: tabs.current !== index
                                font.pixelSize: Theme.smallSize
                                text: tabButton.modelData.label
                                onClicked: tabs.current = tabButton.index
                            }
                        }
                    }

                    KioskButton {
                        objectName: "showTitlesButton"
                        Layout.fillWidth: true
                        visible: screen.session.titlesHidden
                        implicitHeight: Theme.compactTarget
                        quiet: true
                        font.pixelSize: Theme.smallSize
                        text: qsTr("Titles are hidden for your privacy. Tap to show them.")
                        wrap: true
                        onClicked: screen.session.showTitles()
                    }

                    StackLayout {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        currentIndex: tabs.current

                        // -- loans
                        ColumnLayout {
                            spacing: 12

                            RowLayout {
                                Layout.fillWidth: true

                                Text {
                                    objectName: "noLoansText"
                                    Layout.fillWidth: true
                                    visible: loanList.count === 0
                                    text: qsTr("You have nothing on loan right now.")
                                    wrapMode: Text.WordWrap
                                    font.pixelSize: Theme.bodySize
                                    color: Theme.mutedText
                                }

                                Item { Layout.fillWidth: true; visible: loanList.count > 0 }

                                KioskButton {
                                    objectName: "renewAllButton"
                                    visible: loanList.count > 0
                                    enabled: !screen.session.busy
                                    text: qsTr("Renew all")
                                    quiet: true
                                    font.pixelSize: Theme.bodySize
                                    onClicked: screen.session.renewAll()
                                }
                            }

                        ListView {
                            id: loanList
                            objectName: "loanList"
                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            clip: true
                            spacing: 10
                            model: screen.session.loans

                            delegate: Rectangle {
                                id: loanRow

                                required property string title
                                required property string itemId
                                required property string dueDate
                                required property bool overdue
                                required property bool renewable
                                required property string note
                                required property bool noteOk

                                width: ListView.view.width
                                implicitHeight: loanColumn.implicitHeight + 24
                                radius: 10
                                color: overdue ? Theme.dangerSoft : Theme.background

                                ColumnLayout {
                                    id: loanColumn
                                    anchors.left: parent.left
                                    anchors.right: parent.right
                                    anchors.verticalCenter: parent.verticalCenter
                                    anchors.margins: 14
                                    spacing: 4

                                    Text {
                                        objectName: "loanTitle"
                                        Layout.fillWidth: true
                                        text: loanRow.title !== "" ? loanRow.title
                                                                   : qsTr("Title hidden")
                                        elide: Text.ElideRight
                                        font.pixelSize: Theme.bodySize
                                        font.bold: true
                                        color: Theme.text
                                    }

                                    RowLayout {
                                        Layout.fillWidth: true

                                        Text {
                                            objectName: "loanDue"
                                            Layout.fillWidth: true
                                            text: loanRow.overdue
                                                  ? qsTr("Overdue: it was due on %1").arg(loanRow.dueDate)
                                                  : qsTr("Due on %1").arg(loanRow.dueDate)
                                            wrapMode: Text.WordWrap
                                            font.pixelSize: Theme.smallSize
                                            font.bold: loanRow.overdue
                                            color: loanRow.overdue ? Theme.danger : Theme.mutedText
                                        }

                                        KioskButton {
                                            objectName: "renew_" + loanRow.itemId
                                            visible: loanRow.renewable
                                            enabled: !screen.session.busy
                                            implicitHeight: Theme.compactTarget
                                            text: qsTr("Renew")
                                            quiet: true
                                            font.pixelSize: Theme.smallSize
                                            onClicked: screen.session.renewItem(loanRow.itemId)
                                        }
                                    }

                                    Text {
                                        objectName: "loanNote"
                                        Layout.fillWidth: true
                                        visible: loanRow.note !== ""
                                        text: loanRow.note
                                        wrapMode: Text.WordWrap
                                        font.pixelSize: Theme.smallSize
                                        color: loanRow.noteOk ? Theme.success : Theme.notice
                                    }
                                }
                            }
                        }
                        }

                        // -- holds
                        ListView {
                            id: holdList
                            objectName: "holdList"
                            clip: true
                            spacing: 10
                            model: screen.session.holds

                            delegate: Rectangle {
                                id: holdRow
                                required property string title
                                required property string status
                                required property bool ready
                                width: ListView.view.width
                                implicitHeight: holdColumn.implicitHeight + 24
                                radius: 10
                                color: ready ? Theme.successSoft : Theme.background

                                ColumnLayout {
                                    id: holdColumn
                                    anchors.left: parent.left
                                    anchors.right: parent.right
                                    anchors.verticalCenter: parent.verticalCenter
                                    anchors.margins: 14
                                    spacing: 4

                                    Text {
                                        objectName: "holdTitle"
                                        Layout.fillWidth: true
                                        text: holdRow.title !== "" ? holdRow.title : qsTr("Title hidden")
                                        elide: Text.ElideRight
                                        font.pixelSize: Theme.bodySize
                                        font.bold: true
                                        color: Theme.text
                                    }

                                    Text {
                                        objectName: "holdStatus"
                                        Layout.fillWidth: true
                                        text: holdRow.status
                                        wrapMode: Text.WordWrap
                                        font.pixelSize: Theme.smallSize
                                        font.bold: holdRow.ready
                                        color: holdRow.ready ? Theme.success : Theme.mutedText
                                    }
                                }
                            }
                        }

                        // -- fees
                        ColumnLayout {
                            spacing: 12

                            ListView {
                                id: feeList
                                objectName: "feeList"
                                Layout.fillWidth: true
                                Layout.fillHeight: true
                                clip: true
                                spacing: 10
                                model: screen.session.fees

                                delegate: RowLayout {
                                    id: feeRow
                                    required property string title
                                    required property string amount
                                    required property string feeId
                                    required property bool chosen
                                    width: ListView.view.width
                                    spacing: 12

                                    // Ticked fees are paid together; a member may untick some.
                                    CheckBox {
                                        objectName: "feeChosen"
                                        visible: screen.session.canPay
                                        checked: feeRow.chosen
                                        implicitWidth: Theme.compactTarget
                                        implicitHeight: Theme.compactTarget
                                        Accessible.name: feeRow.title
                                        onClicked: screen.session.toggleFee(feeRow.feeId)
                                    }

                                    Text {
                                        objectName: "feeTitle"
                                        Layout.fillWidth: true
                                        text: feeRow.title
                                        elide: Text.ElideRight
                                        font.pixelSize: Theme.bodySize
                                        color: Theme.text
                                    }

                                    Text {
                                        objectName: "feeAmount"
                                        text: feeRow.amount
                                        font.pixelSize: Theme.bodySize
                                        font.bold: true
                                        color: Theme.text
                                    }
                                }
                            }

                            KioskButton {
                                objectName: "payButton"
                                Layout.fillWidth: true
                                visible: screen.session.canPay
                                enabled: screen.session.payTotal !== ""
                                text: screen.session.payTotal !== ""
                                      ? qsTr("Pay %1").arg(screen.session.payTotal)
                                      : qsTr("Tick the fees you want to pay")
                                onClicked: screen.session.payFees()
                            }

                            Text {
                                Layout.fillWidth: true
                                visible: !screen.session.canPay && feeList.count > 0
                                text: qsTr("You can pay at the desk.")
                                wrapMode: Text.WordWrap
                                font.pixelSize: Theme.smallSize
                                color: Theme.mutedText
                            }
                        }

                        // -- family: only accounts whose holder consented (P9)
                        ListView {
                            id: familyList
                            objectName: "familyList"
                            clip: true
                            spacing: 10
                            model: screen.session.family

                            delegate: Rectangle {
                                id: familyRow
                                required property string who
                                required property string title
                                required property string dueDate
                                required property bool overdue
                                width: ListView.view.width
                                implicitHeight: familyColumn.implicitHeight + 24
                                radius: 10
                                color: overdue ? Theme.dangerSoft : Theme.background

                                ColumnLayout {
                                    id: familyColumn
                                    anchors.left: parent.left
                                    anchors.right: parent.right
                                    anchors.verticalCenter: parent.verticalCenter
                                    anchors.margins: 14
                                    spacing: 4

                                    Text {
                                        objectName: "familyTitle"
                                        Layout.fillWidth: true
                                        text: (familyRow.title !== "" ? familyRow.title : qsTr("Title hidden"))
                                        elide: Text.ElideRight
                                        font.pixelSize: Theme.bodySize
                                        font.bold: true
                                        color: Theme.text
                                    }

                                    Text {
                                        Layout.fillWidth: true
                                        text: qsTr("%1 · due on %2").arg(familyRow.who).arg(familyRow.dueDate)
                                        wrapMode: Text.WordWrap
                                        font.pixelSize: Theme.smallSize
                                        color: familyRow.overdue ? Theme.danger : Theme.mutedText
                                    }
                                }
                            }
                        }
                    }
                }
            }

            // -- borrowed in this session
            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                Layout.preferredHeight: 1
                radius: Theme.radius
                color: Theme.surface
                border.width: Theme.hairline
                border.color: Theme.border

                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    spacing: 12

                    Text {
                        Layout.fillWidth: true
                        text: qsTr("Borrowed now")
                        font.pixelSize: Theme.titleSize
                        font.bold: true
                        color: Theme.text
                    }

                    Text {
                        objectName: "noCheckoutsText"
                        Layout.fillWidth: true
                        visible: checkoutList.count === 0
                        text: qsTr("Scan an item to borrow it.")
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.bodySize
                        color: Theme.mutedText
                    }

                    ListView {
                        id: checkoutList
                        objectName: "checkoutList"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        spacing: 10
                        model: screen.session.checkouts

                        delegate: Rectangle {
                            id: checkoutRow

                            required property string title
                            required property string itemId
                            required property bool ok
                            required property string message

                            width: ListView.view.width
                            implicitHeight: checkoutColumn.implicitHeight + 24
                            radius: 10
                            color: ok ? Theme.successSoft : Theme.noticeSoft

                            ColumnLayout {
                                id: checkoutColumn
                                anchors.left: parent.left
                                anchors.right: parent.right
                                anchors.verticalCenter: parent.verticalCenter
                                anchors.margins: 14
                                spacing: 4

                                Text {
                                    objectName: "checkoutTitle"
                                    Layout.fillWidth: true
                                    text: (checkoutRow.ok ? "\u2713  " : "\u2717  ")
                                          + (checkoutRow.title !== "" ? checkoutRow.title
                                                                      : checkoutRow.itemId)
                                    elide: Text.ElideRight
                                    font.pixelSize: Theme.bodySize
                                    font.bold: true
                                    color: checkoutRow.ok ? Theme.success : Theme.notice
                                }

                                Text {
                                    objectName: "checkoutMessage"
                                    Layout.fillWidth: true
                                    text: checkoutRow.message
                                    wrapMode: Text.WordWrap
                                    font.pixelSize: Theme.smallSize
                                    color: Theme.text
                                }
                            }
                        }
                    }

                    KioskButton {
                        objectName: "typeItemButton"
                        Layout.fillWidth: true
                        text: qsTr("No barcode scanner? Type the number")
                        wrap: true
                        quiet: true
                        font.pixelSize: Theme.bodySize
                        onClicked: itemPopup.open()
                    }
                }
            }
        }
    }

    Popup {
        id: itemPopup

        property string entered: ""

        objectName: "itemPopup"
        anchors.centerIn: Overlay.overlay
        modal: true
        focus: true
        padding: Theme.margin
        closePolicy: Popup.CloseOnPressOutside
        onClosed: entered = ""

        background: Rectangle {
            radius: Theme.radius
            color: Theme.surface
        }

        contentItem: ColumnLayout {
            spacing: Theme.spacing

            Text {
                Layout.alignment: Qt.AlignHCenter
                Layout.maximumWidth: screen.width - 4 * Theme.margin
                text: qsTr("Type the number under the barcode")
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.titleSize
                font.bold: true
                color: Theme.text
            }

            Rectangle {
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.fieldHeight
                radius: Theme.radius
                color: Theme.background
                border.width: 2
                border.color: Theme.border

                Text {
                    objectName: "itemEntryText"
                    anchors.centerIn: parent
                    text: itemPopup.entered
                    font.pixelSize: Theme.titleSize
                    font.letterSpacing: 3
                    color: Theme.text
                }
            }

            Keypad {
                Layout.alignment: Qt.AlignHCenter
                namePrefix: "item"
                submitText: qsTr("Add")
                submitEnabled: itemPopup.entered.length > 0
                onDigit: value => {
                    if (itemPopup.entered.length < 30)
                        itemPopup.entered += value
                }
                onErase: itemPopup.entered = itemPopup.entered.slice(0, -1)
                onSubmit: {
                    const code = itemPopup.entered
                    itemPopup.close()
                    screen.session.submitItem(code)
                }
            }

            KioskButton {
                objectName: "itemCancel"
                Layout.alignment: Qt.AlignHCenter
                text: qsTr("Cancel")
                quiet: true
                onClicked: itemPopup.close()
            }
        }
    }
}
