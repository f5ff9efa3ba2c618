<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>AccessibilityToggles</name>
    <message>
        <location filename="../qml/Kiosk/AccessibilityToggles.qml" line="+26"/>
        <source>Larger text</source>
        <translation>Größere Schrift</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>High contrast</source>
        <translation>Hoher Kontrast</translation>
    </message>
</context>
<context>
    <name>BusyOverlay</name>
    <message>
        <location filename="../qml/Kiosk/BusyOverlay.qml" line="+41"/>
        <source>One moment, please…</source>
        <translation>Einen Moment bitte…</translation>
    </message>
</context>
<context>
    <name>CardEntryScreen</name>
    <message>
        <location filename="../qml/Kiosk/CardEntryScreen.qml" line="+28"/>
        <source>Type your card number</source>
        <translation>Ausweisnummer eingeben</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>You find it under the barcode on your library pass.</source>
        <translation>Sie finden sie unter dem Barcode auf Ihrem Bibliotheksausweis.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ConfirmFeeScreen</name>
    <message>
        <location filename="../qml/Kiosk/ConfirmFeeScreen.qml" line="+35"/>
        <source>This item costs %1 to borrow.</source>
        <translation>Die Ausleihe dieses Mediums kostet %1.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Do you want to borrow it? The fee is added to your account.</source>
        <translation>Möchten Sie es ausleihen? Die Gebühr wird auf Ihr Konto gebucht.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No, thank you</source>
        <translation>Nein, danke</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Yes, borrow it</source>
        <translation>Ja, ausleihen</translation>
    </message>
</context>
<context>
    <name>CountdownOverlay</name>
    <message>
        <location filename="../qml/Kiosk/CountdownOverlay.qml" line="+35"/>
        <source>Are you still there?</source>
        <translation>Sind Sie noch da?</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>For your privacy we end your session in %n seconds.</source>
        <translation>
            <numerusform>Zum Schutz Ihrer Daten beenden wir die Sitzung in %n Sekunde.</numerusform>
            <numerusform>Zum Schutz Ihrer Daten beenden wir die Sitzung in %n Sekunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>For your privacy we end your session in %1 seconds.</source>
        <translation type="vanished">Zum Schutz Ihrer Daten beenden wir die Sitzung in %1 Sekunden.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>I am still here</source>
        <translation>Ich bin noch da</translation>
    </message>
</context>
<context>
    <name>GoodbyeScreen</name>
    <message>
        <location filename="../qml/Kiosk/GoodbyeScreen.qml" line="+22"/>
        <source>Thank you, see you soon!</source>
        <translation>Danke und bis bald!</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Do not forget to take your library pass.</source>
        <translation>Vergessen Sie Ihren Bibliotheksausweis nicht.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Start again</source>
        <translation>Neu beginnen</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../qml/Kiosk/HomeScreen.qml" line="+37"/>
        <source>Hello, %1</source>
        <translation>Hallo %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hello</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Put the items you want to borrow on the pad, or scan their barcodes.</source>
        <translation>Legen Sie die Medien, die Sie ausleihen möchten, auf das RFID-Lesefeld oder scannen Sie ihre Barcodes.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the barcode of each item you want to borrow.</source>
        <translation>Scannen Sie den Barcode jedes Mediums, das Sie ausleihen möchten.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Return items</source>
        <translation>Rückgabe</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Loans (%1)</source>
        <translation>Ausleihen (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holds (%1)</source>
        <translation>Vormerkungen (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fees %1</source>
        <translation>Gebühren %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family (%1)</source>
        <translation>Familie (%1)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Titles are hidden for your privacy. Tap to show them.</source>
        <translation>Titel sind zum Schutz Ihrer Daten ausgeblendet. Tippen, um sie anzuzeigen.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>You have nothing on loan right now.</source>
        <translation>Sie haben zurzeit nichts ausgeliehen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Renew all</source>
        <translation>Alle verlängern</translation>
    </message>
    <message>
        <location line="+44"/>
        <location line="+77"/>
        <location line="+123"/>
        <source>Title hidden</source>
        <translation>Titel ausgeblendet</translation>
    </message>
    <message>
        <location line="-186"/>
        <source>Overdue: it was due on %1</source>
        <translation>Überfällig: war fällig am %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due on %1</source>
        <translation>Rückgabe bis %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Renew</source>
        <translation>Verlängern</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>Pay %1</source>
        <translation>%1 bezahlen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick the fees you want to pay</source>
        <translation>Kreuzen Sie die Gebühren an, die Sie bezahlen möchten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You can pay at the desk.</source>
        <translation>Sie können an der Theke bezahlen.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 · due on %2</source>
        <translation>%1 · Rückgabe bis %2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Borrowed now</source>
        <translation>Gerade ausgeliehen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scan an item to borrow it.</source>
        <translation>Scannen Sie ein Medium, um es auszuleihen.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>No barcode scanner? Type the number</source>
        <translation>Kein Scanner? Nummer eingeben</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Type the number under the barcode</source>
        <translation>Geben Sie die Nummer unter dem Barcode ein</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>IdentifyingScreen</name>
    <message>
        <location filename="../qml/Kiosk/IdentifyingScreen.qml" line="+31"/>
        <source>One moment, please. We are checking your card.</source>
        <translation>Einen Moment bitte. Wir prüfen Ihren Ausweis.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>IdleScreen</name>
    <message>
        <location filename="../qml/Kiosk/IdleScreen.qml" line="+41"/>
        <source>Tap your library pass</source>
        <translation>Bitte Bibliotheksausweis auflegen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Hold it against the reader, or scan the barcode on the back.</source>
        <translation>Halten Sie ihn an das Lesegerät oder scannen Sie den Barcode auf der Rückseite.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Type your card number</source>
        <translation>Ausweisnummer eingeben</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Return items</source>
        <translation>Rückgabe</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Privacy</source>
        <translation>Datenschutz</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../qml/Kiosk/Keypad.qml" line="+10"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Erase</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="+22"/>
        <source>Library Kiosk</source>
        <translation>Bibliotheksterminal</translation>
    </message>
</context>
<context>
    <name>OutOfServiceScreen</name>
    <message>
        <location filename="../qml/Kiosk/OutOfServiceScreen.qml" line="+21"/>
        <source>This kiosk is out of service</source>
        <translation>Dieses Terminal ist außer Betrieb</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sorry for the trouble. Please ask at the desk.</source>
        <translation>Entschuldigen Sie die Störung. Bitte wenden Sie sich an die Theke.</translation>
    </message>
</context>
<context>
    <name>PaymentScreen</name>
    <message>
        <location filename="../qml/Kiosk/PaymentScreen.qml" line="+27"/>
        <source>Pay %1 at the payment terminal</source>
        <translation>Bezahlen Sie %1 am Kartenterminal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You are about to pay %1</source>
        <translation>Sie sind dabei, %1 zu bezahlen</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Follow the instructions on the payment terminal. To stop, press Stop on the terminal.</source>
        <translation>Folgen Sie den Anweisungen am Kartenterminal. Zum Abbrechen drücken Sie am Kartenterminal auf Stop.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You pay with your bank card at the payment terminal. It only receives the amount, nothing about you.</source>
        <translation>Sie bezahlen mit Ihrer Bankkarte am Kartenterminal. Es erhält nur den Betrag, nichts über Sie.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pay %1</source>
        <translation>%1 bezahlen</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <location filename="../qml/Kiosk/PinScreen.qml" line="+29"/>
        <source>Type your PIN</source>
        <translation>PIN eingeben</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cover the keypad with your hand.</source>
        <translation>Verdecken Sie die Tasten mit der Hand.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <location filename="../qml/Kiosk/PrivacyPage.qml" line="+36"/>
        <source>Your privacy at this kiosk</source>
        <translation>Ihr Datenschutz an diesem Terminal</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The kiosk uses your library pass only to lend, return and renew, and to show your account while you are here.</source>
        <translation>Das Terminal nutzt Ihren Bibliotheksausweis nur zum Ausleihen, Zurückgeben und Verlängern und um Ihr Konto anzuzeigen, solange Sie hier sind.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It shows your first name, never your address, phone number, e-mail address or full card number. Your PIN is never shown.</source>
        <translation>Es zeigt Ihren Vornamen, aber nie Ihre Adresse, Telefonnummer, E-Mail-Adresse oder vollständige Ausweisnummer. Ihre PIN wird nie angezeigt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When you are done, take your pass away, or stop touching the screen: the kiosk then forgets everything about you and shows the start screen.</source>
        <translation>Wenn Sie fertig sind, nehmen Sie Ihren Ausweis weg oder berühren Sie den Bildschirm nicht mehr: Das Terminal vergisst dann alles über Sie und zeigt den Startbildschirm.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The kiosk keeps nothing about you. If the library system cannot be reached, it keeps only card and item numbers until they are sent, and then deletes them.</source>
        <translation>Das Terminal speichert nichts über Sie. Ist das Bibliothekssystem nicht erreichbar, speichert es nur Ausweis- und Mediennummern, bis sie übermittelt sind, und löscht sie dann.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your receipt shows only the last four digits of your card number. You can also choose no receipt.</source>
        <translation>Auf Ihrem Beleg stehen nur die letzten vier Ziffern Ihrer Ausweisnummer. Sie können auch auf den Beleg verzichten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing is sent anywhere except to the library&apos;s own systems.</source>
        <translation>Es wird nichts weitergegeben, außer an die eigenen Systeme der Bibliothek.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The library&apos;s privacy statement</source>
        <translation>Datenschutzerklärung der Bibliothek</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <location filename="../qml/Kiosk/ReceiptScreen.qml" line="+24"/>
        <source>Would you like a receipt?</source>
        <translation>Möchten Sie einen Beleg?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you borrowed today</source>
        <translation>Heute ausgeliehen</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>E-mail to %1</source>
        <translation>Per E-Mail an %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No receipt, thanks</source>
        <translation>Kein Beleg, danke</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Printing…</source>
        <translation>Wird gedruckt…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Print a receipt</source>
        <translation>Beleg drucken</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>ReturnScreen</name>
    <message>
        <location filename="../qml/Kiosk/ReturnScreen.qml" line="+30"/>
        <source>Return items</source>
        <translation>Rückgabe</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Put the items you bring back on the pad, or scan their barcodes.</source>
        <translation>Legen Sie die Medien, die Sie zurückgeben, auf das RFID-Lesefeld oder scannen Sie ihre Barcodes.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the barcode of each item you bring back.</source>
        <translation>Scannen Sie den Barcode jedes Mediums, das Sie zurückgeben.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Nothing returned yet.</source>
        <translation>Noch nichts zurückgegeben.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1 Bin: %2</source>
        <translation>%1 Fach: %2</translation>
    </message>
</context>
<context>
    <name>SimulatorPanel</name>
    <message>
        <location filename="../qml/Kiosk/SimulatorPanel.qml" line="+31"/>
        <source>Simulator</source>
        <translation>Simulator</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Demo mode: these buttons play the card reader and the scanner.</source>
        <translation>Demomodus: Diese Tasten ersetzen Ausweisleser und Scanner.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Take the card away</source>
        <translation>Ausweis wegnehmen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Scan any code</source>
        <translation>Beliebigen Code scannen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Card number or barcode</source>
        <translation>Ausweisnummer oder Barcode</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scan</source>
        <translation>Scannen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Library pass</source>
        <translation>Bibliotheksausweis</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>RFID pad</source>
        <translation>RFID-Lesefeld</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Put 3 items on the pad</source>
        <translation>3 Medien auf das RFID-Lesefeld legen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put 2 of a course&apos;s 3 discs on it</source>
        <translation>2 der 3 Discs eines Kurses darauflegen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the third disc</source>
        <translation>Dritte Disc dazulegen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take everything off the pad</source>
        <translation>Alles vom RFID-Lesefeld nehmen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Scan an item</source>
        <translation>Medium scannen</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Device faults</source>
        <translation>Gerätefehler</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Card reader unplugged</source>
        <translation>Ausweisleser getrennt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanner unplugged</source>
        <translation>Scanner getrennt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer out of paper</source>
        <translation>Drucker ohne Papier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer off-line</source>
        <translation>Drucker offline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payments declined</source>
        <translation>Zahlungen abgelehnt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment terminal unplugged</source>
        <translation>Kartenterminal getrennt</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The printer printed</source>
        <translation>Ausdruck</translation>
    </message>
</context>
<context>
    <name>StackCountDialog</name>
    <message>
        <location filename="../qml/Kiosk/StackCountDialog.qml" line="+38"/>
        <source>How many items did you put on the pad?</source>
        <translation>Wie viele Medien haben Sie auf das RFID-Lesefeld gelegt?</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>More than 10? Please put them on the pad in smaller stacks.</source>
        <translation>Mehr als 10? Bitte legen Sie sie in kleineren Stapeln auf das RFID-Lesefeld.</translation>
    </message>
</context>
<context>
    <name>StaffPinScreen</name>
    <message>
        <location filename="../qml/Kiosk/StaffPinScreen.qml" line="+29"/>
        <source>Staff PIN</source>
        <translation>Mitarbeiter-PIN</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>For library staff: type the staff PIN to open maintenance mode.</source>
        <translation>Für Bibliothekspersonal: Geben Sie die Mitarbeiter-PIN ein, um den Wartungsmodus zu öffnen.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message>
        <location filename="../qml/Kiosk/StaffScreen.qml" line="+72"/>
        <source>Maintenance</source>
        <translation>Wartung</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Library system</source>
        <translation>Bibliothekssystem</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Offline journal</source>
        <translation>Offline-Journal</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Dealt with</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Synchronise now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Service</source>
        <translation>Betrieb</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Message for members (optional)</source>
        <translation>Nachricht für Nutzer (optional)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Out of service</source>
        <translation>Außer Betrieb</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Back in service</source>
        <translation>Wieder in Betrieb</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tests</source>
        <translation>Tests</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Test print</source>
        <translation>Testdruck</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Test the card reader</source>
        <translation>Ausweisleser testen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Test the scanner</source>
        <translation>Scanner testen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The kiosk</source>
        <translation>Das Terminal</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reload the settings</source>
        <translation>Einstellungen neu laden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tap again to restart</source>
        <translation>Zum Neustart erneut tippen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save the diagnostics for support to:</source>
        <translation>Diagnosedaten für den Support speichern auf:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert a USB stick to save the diagnostics for support.</source>
        <translation>Stecken Sie einen USB-Stick ein, um die Diagnosedaten für den Support zu speichern.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Recent events</source>
        <translation>Letzte Ereignisse</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="+27"/>
        <source>Done.</source>
        <translation>Erledigt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renewed. Please check the new return date on your receipt or account.</source>
        <translation>Verlängert. Das neue Rückgabedatum finden Sie auf Ihrem Beleg oder in Ihrem Konto.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You already had this item; we renewed it for you.</source>
        <translation>Sie hatten dieses Medium schon ausgeliehen; wir haben es für Sie verlängert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Returned. Thank you! You can put it on the return shelf.</source>
        <translation>Zurückgegeben. Vielen Dank! Sie können es ins Rückgaberegal stellen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Returned. Someone is waiting for this item: please put it on the hold shelf.</source>
        <translation>Zurückgegeben. Jemand wartet auf dieses Medium: Bitte stellen Sie es ins Vormerkregal.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Returned. This item goes to another branch: please put it in the transit box.</source>
        <translation>Zurückgegeben. Dieses Medium geht an eine andere Zweigstelle: Bitte legen Sie es in die Transportkiste.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That is not a card number we can read. Please check it and try again.</source>
        <translation>Diese Ausweisnummer können wir nicht lesen. Bitte prüfen Sie sie und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>We do not know this card. Please ask at the desk.</source>
        <translation>Dieser Ausweis ist uns nicht bekannt. Bitte wenden Sie sich an die Theke.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That is an item. Please tap or scan your library pass first.</source>
        <translation>Das ist ein Medium. Bitte legen Sie zuerst Ihren Bibliotheksausweis auf oder scannen Sie ihn.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please type your PIN.</source>
        <translation>Bitte geben Sie Ihre PIN ein.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That PIN is not right. Please try again; if you forgot it, please ask at the desk.</source>
        <translation>Diese PIN ist nicht richtig. Bitte versuchen Sie es erneut; wenn Sie sie vergessen haben, wenden Sie sich an die Theke.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your card is locked at the kiosk after too many wrong PINs. Please ask at the desk.</source>
        <translation>Ihr Ausweis ist nach zu vielen falschen PIN-Eingaben am Terminal gesperrt. Bitte wenden Sie sich an die Theke.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your library pass has expired. Please renew it at the desk.</source>
        <translation>Ihr Bibliotheksausweis ist abgelaufen. Bitte verlängern Sie ihn an der Theke.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This card has been reported lost. Please ask at the desk.</source>
        <translation>Dieser Ausweis wurde als verloren gemeldet. Bitte wenden Sie sich an die Theke.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You cannot borrow right now because of open fees. Please pay them here or at the desk.</source>
        <translation>Sie können gerade nicht ausleihen, weil Gebühren offen sind. Bitte bezahlen Sie sie hier oder an der Theke.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You cannot borrow right now because some items are overdue. Please return them first.</source>
        <translation>Sie können gerade nicht ausleihen, weil Medien überfällig sind. Bitte geben Sie diese zuerst zurück.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You cannot borrow at the kiosk right now. Please ask at the desk.</source>
        <translation>Sie können gerade nicht am Terminal ausleihen. Bitte wenden Sie sich an die Theke.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>We could not read that barcode. Please scan the item again.</source>
        <translation>Wir konnten diesen Barcode nicht lesen. Bitte scannen Sie das Medium noch einmal.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>We do not know this item. Please take it to the desk.</source>
        <translation>Dieses Medium ist uns nicht bekannt. Bitte bringen Sie es zur Theke.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item is still lent to someone else. Please take it to the desk.</source>
        <translation>Dieses Medium ist noch an jemand anderen ausgeliehen. Bitte bringen Sie es zur Theke.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item is reserved for someone else. Please take it to the desk.</source>
        <translation>Dieses Medium ist für jemand anderen vorgemerkt. Bitte bringen Sie es zur Theke.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item can only be used in the library. Please put it back or ask at the desk.</source>
        <translation>Dieses Medium ist nur in der Bibliothek nutzbar. Bitte stellen Sie es zurück oder wenden Sie sich an die Theke.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This item has an age limit. Please ask at the desk.</source>
        <translation>Für dieses Medium gilt eine Altersgrenze. Bitte wenden Sie sich an die Theke.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item is on its way to another branch. Please take it to the desk.</source>
        <translation>Dieses Medium ist unterwegs zu einer anderen Zweigstelle. Bitte bringen Sie es zur Theke.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item cannot be borrowed right now. Please take it to the desk.</source>
        <translation>Dieses Medium kann gerade nicht ausgeliehen werden. Bitte bringen Sie es zur Theke.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You have reached the most items you can borrow. Please return an item first.</source>
        <translation>Sie haben die Höchstzahl an Ausleihen erreicht. Bitte geben Sie zuerst ein Medium zurück.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This item has a lending fee and was not checked out. Scan it again to decide.</source>
        <translation>Für dieses Medium fällt eine Ausleihgebühr an; es wurde nicht ausgeliehen. Scannen Sie es erneut, um zu entscheiden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This item was not lent out. Please take it to the desk.</source>
        <translation>Dieses Medium war nicht ausgeliehen. Bitte bringen Sie es zur Theke.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please take this item to the desk.</source>
        <translation>Bitte bringen Sie dieses Medium zur Theke.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This item cannot be renewed again. Please return it by its due date.</source>
        <translation>Dieses Medium kann nicht noch einmal verlängert werden. Bitte geben Sie es bis zum Rückgabedatum zurück.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Someone else is waiting for this item, so it cannot be renewed. Please return it by its due date.</source>
        <translation>Jemand anderes wartet auf dieses Medium, daher kann es nicht verlängert werden. Bitte geben Sie es bis zum Rückgabedatum zurück.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This item is not lent to you, so you cannot renew it. Please ask at the desk.</source>
        <translation>Dieses Medium ist nicht an Sie ausgeliehen, daher können Sie es nicht verlängern. Bitte wenden Sie sich an die Theke.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item cannot be renewed. Please return it by its due date.</source>
        <translation>Dieses Medium kann nicht verlängert werden. Bitte geben Sie es bis zum Rückgabedatum zurück.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>We could not find this fee. Please ask at the desk.</source>
        <translation>Wir konnten diese Gebühr nicht finden. Bitte wenden Sie sich an die Theke.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That amount cannot be paid here. Please choose another amount.</source>
        <translation>Dieser Betrag kann hier nicht bezahlt werden. Bitte wählen Sie einen anderen Betrag.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thank you, your payment was received.</source>
        <translation>Vielen Dank, Ihre Zahlung ist eingegangen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thank you, your payment was received. Your account will show it a little later; you do not need to pay again.</source>
        <translation>Vielen Dank, Ihre Zahlung ist eingegangen. Sie erscheint etwas später in Ihrem Konto; Sie müssen nicht noch einmal bezahlen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your payment was received, but your account could not be updated. You do not need to pay again: please ask at the desk and mention reference %1.</source>
        <translation>Ihre Zahlung ist eingegangen, aber Ihr Konto konnte nicht aktualisiert werden. Sie müssen nicht noch einmal bezahlen: Bitte wenden Sie sich an die Theke und nennen Sie die Referenz %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The payment was declined and nothing was charged. Try another card or pay at the desk.</source>
        <translation>Die Zahlung wurde abgelehnt, es wurde nichts abgebucht. Versuchen Sie es mit einer anderen Karte oder bezahlen Sie an der Theke.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The payment was stopped and nothing was charged.</source>
        <translation>Die Zahlung wurde abgebrochen, es wurde nichts abgebucht.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The payment terminal is not working right now and nothing was charged. Please pay at the desk.</source>
        <translation>Das Kartenterminal funktioniert gerade nicht, es wurde nichts abgebucht. Bitte bezahlen Sie an der Theke.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>We cannot tell whether your payment went through. Please do not pay again: ask at the desk and mention reference %1.</source>
        <translation>Wir können nicht feststellen, ob Ihre Zahlung durchgegangen ist. Bitte bezahlen Sie nicht noch einmal: Wenden Sie sich an die Theke und nennen Sie die Referenz %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paying is not possible here right now. Please pay at the desk.</source>
        <translation>Bezahlen ist hier gerade nicht möglich. Bitte bezahlen Sie an der Theke.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only %1 of the %2 parts of an item are on the pad. Please put all its parts on the pad.</source>
        <translation>Nur %1 der %2 Teile eines Mediums liegen auf dem RFID-Lesefeld. Bitte legen Sie alle Teile auf das RFID-Lesefeld.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The tag of an item on the pad cannot be read. Please scan its barcode, or take it to the desk.</source>
        <translation>Das RFID-Etikett eines Mediums auf dem RFID-Lesefeld kann nicht gelesen werden. Bitte scannen Sie seinen Barcode oder bringen Sie es zur Theke.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Please put the item marked below back on the pad for a moment, so that the gate lets it through.</source>
        <translation>Bitte legen Sie das unten markierte Medium kurz wieder auf das RFID-Lesefeld, damit die Sicherungsschleuse es durchlässt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An item on the pad is already lent to you. To return it, tap Return items.</source>
        <translation>Ein Medium auf dem RFID-Lesefeld ist bereits an Sie ausgeliehen. Um es zurückzugeben, tippen Sie auf Rückgabe.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>We find %1 of the %2 items you placed. Spread them out on the pad, or scan the barcode of the missing ones.</source>
        <translation>Wir finden %1 der %2 Medien, die Sie aufgelegt haben. Verteilen Sie sie auf dem RFID-Lesefeld weiter auseinander oder scannen Sie den Barcode der fehlenden Medien.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The library system is not answering right now. Please try again in a moment or ask at the desk.</source>
        <translation>Das Bibliothekssystem antwortet gerade nicht. Bitte versuchen Sie es gleich noch einmal oder wenden Sie sich an die Theke.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Something went wrong. Please try again or ask at the desk.</source>
        <translation>Etwas ist schiefgegangen. Bitte versuchen Sie es erneut oder wenden Sie sich an die Theke.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Please take your receipt.</source>
        <translation>Bitte nehmen Sie Ihren Beleg mit.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your receipt is on its way to your e-mail address.</source>
        <translation>Ihr Beleg wird an Ihre E-Mail-Adresse gesendet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The receipt could not be e-mailed. Your loans are saved: you see them here, and always in your account online.</source>
        <translation>Der Beleg konnte nicht per E-Mail gesendet werden. Ihre Ausleihen sind gespeichert: Sie sehen sie hier und jederzeit in Ihrem Online-Konto.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The receipt printer is out of paper. Your loans are saved: you see them here, and always in your account online.</source>
        <translation>Der Belegdrucker hat kein Papier mehr. Ihre Ausleihen sind gespeichert: Sie sehen sie hier und jederzeit in Ihrem Online-Konto.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The receipt printer is not working right now. Your loans are saved: you see them here, and always in your account online.</source>
        <translation>Der Belegdrucker funktioniert gerade nicht. Ihre Ausleihen sind gespeichert: Sie sehen sie hier und jederzeit in Ihrem Online-Konto.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The library system cannot be reached right now. You can still return items, and borrow up to %1 more: we record them and pass them on as soon as it is back.</source>
        <translation>Das Bibliothekssystem ist gerade nicht erreichbar. Sie können weiterhin Medien zurückgeben und bis zu %1 weitere ausleihen: Wir notieren sie und geben sie weiter, sobald es wieder erreichbar ist.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recorded. The library system will have it as soon as it is back; your account shows it then.</source>
        <translation>Notiert. Das Bibliothekssystem erhält es, sobald es wieder erreichbar ist; dann sehen Sie es auch in Ihrem Konto.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>While the library system cannot be reached, the kiosk lends only a few items per pass (at most %1). Please ask at the desk.</source>
        <translation>Solange das Bibliothekssystem nicht erreichbar ist, leiht der Automat nur wenige Medien pro Ausweis aus (höchstens %1). Bitte wenden Sie sich an die Theke.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This cannot be done while the library system cannot be reached. Please try again later or ask at the desk.</source>
        <translation>Das geht nicht, solange das Bibliothekssystem nicht erreichbar ist. Bitte versuchen Sie es später noch einmal oder wenden Sie sich an die Theke.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The kiosk cannot record this right now. Please ask at the desk.</source>
        <translation>Der Automat kann das gerade nicht notieren. Bitte wenden Sie sich an die Theke.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>That staff PIN is not right. Please try again.</source>
        <translation>Diese Mitarbeiter-PIN ist nicht richtig. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too many wrong staff PINs: PIN entry is locked for five minutes. Use a staff card.</source>
        <translation>Zu viele falsche Mitarbeiter-PINs: Die PIN-Eingabe ist für fünf Minuten gesperrt. Bitte verwenden Sie einen Mitarbeiterausweis.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The kiosk&apos;s settings need to be corrected by staff.</source>
        <translation>Die Einstellungen des Terminals müssen vom Personal korrigiert werden.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>That PIN is not right. Please try again. Attempts left before your card is locked: %n.</source>
        <translation>
            <numerusform>Diese PIN ist nicht richtig. Bitte versuchen Sie es erneut. Noch %n Versuch, bevor Ihr Ausweis gesperrt wird.</numerusform>
            <numerusform>Diese PIN ist nicht richtig. Bitte versuchen Sie es erneut. Noch %n Versuche, bevor Ihr Ausweis gesperrt wird.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checked out. Please return it by %1.</source>
        <translation>Ausgeliehen. Bitte geben Sie es bis %1 zurück.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renewed: now due on %1.</source>
        <translation>Verlängert: jetzt Rückgabe bis %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Checked out. This item has %n parts: please check that they are all in the box. Please return it by %1.</source>
        <translation>
            <numerusform>Ausgeliehen. Dieses Medium hat %n Teil: Bitte prüfen Sie, ob alles in der Box ist. Bitte geben Sie es bis %1 zurück.</numerusform>
            <numerusform>Ausgeliehen. Dieses Medium hat %n Teile: Bitte prüfen Sie, ob alle in der Box sind. Bitte geben Sie es bis %1 zurück.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Loan receipt</source>
        <translation>Ausleihbeleg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return receipt</source>
        <translation>Rückgabebeleg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card</source>
        <translation>Ausweis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Borrowed</source>
        <translation>Ausgeliehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>due</source>
        <translation>Rückgabe bis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not borrowed</source>
        <translation>Nicht ausgeliehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fee</source>
        <translation>Gebühr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your account online</source>
        <translation>Ihr Online-Konto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned</source>
        <translation>Zurückgegeben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parts</source>
        <translation>Teile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renewed</source>
        <translation>Verlängert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HOLD</source>
        <translation>VORMERKUNG</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TRANSIT</source>
        <translation>TRANSPORT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bin</source>
        <translation>Fach</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid; your account will show it later</source>
        <translation>Bezahlt; erscheint später in Ihrem Konto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid; the desk will book it</source>
        <translation>Bezahlt; wird an der Theke verbucht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not known whether this was paid: ask at the desk</source>
        <translation>Nicht bekannt, ob dies bezahlt wurde: Bitte fragen Sie an der Theke</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Ready for you at %1.</source>
        <translation>Liegt für Sie bereit in %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready for you at %1, until %2.</source>
        <translation>Liegt für Sie bereit in %1, bis %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting: number %1 in the queue, for %2.</source>
        <translation>Vorgemerkt: Platz %1 auf der Warteliste, Abholung in %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting, for %1.</source>
        <translation>Vorgemerkt, Abholung in %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On its way to %1.</source>
        <translation>Unterwegs nach %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family member</source>
        <translation>Familienmitglied</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the slip from the printer and put it in the item.</source>
        <translation>Nehmen Sie den Zettel aus dem Drucker und legen Sie ihn in das Medium.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put it back on the pad for a moment: its security tag was not switched yet.</source>
        <translation>Legen Sie es kurz wieder auf das RFID-Lesefeld: Sein Sicherungsetikett wurde noch nicht umgeschaltet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Late fee</source>
        <translation>Säumnisgebühr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rental fee</source>
        <translation>Ausleihgebühr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold fee</source>
        <translation>Vormerkgebühr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost item</source>
        <translation>Verlorenes Medium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Damaged item</source>
        <translation>Beschädigtes Medium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing part</source>
        <translation>Fehlendes Teil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Library pass</source>
        <translation>Bibliotheksausweis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other costs</source>
        <translation>Sonstige Kosten</translation>
    </message>
</context>
<context>
    <name>staff</name>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="+53"/>
        <source>Card reader</source>
        <extracomment>milliseconds between two looks at the kiosk&apos;s state while the staff screen is open</extracomment>
        <translation>Ausweisleser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt printer</source>
        <translation>Belegdrucker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment terminal</source>
        <translation>Kartenterminal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RFID pad</source>
        <translation>RFID-Lesefeld</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Working</source>
        <translation>Funktioniert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs attention</source>
        <translation>Bitte prüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not working</source>
        <translation>Funktioniert nicht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items lent</source>
        <translation>Ausgeliehene Medien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items returned</source>
        <translation>Zurückgegebene Medien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items renewed</source>
        <translation>Verlängerte Medien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipts printed</source>
        <translation>Gedruckte Belege</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipts e-mailed</source>
        <translation>Per E-Mail gesendete Belege</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipts not printed</source>
        <translation>Nicht gedruckte Belege</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payments</source>
        <translation>Zahlungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loan</source>
        <translation>Ausleihe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return</source>
        <translation>Rückgabe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid at the terminal, refused by the library system: book or refund</source>
        <translation>Am Kartenterminal bezahlt, vom Bibliothekssystem abgelehnt: verbuchen oder erstatten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paid at the terminal, not booked: book it by hand</source>
        <translation>Am Kartenterminal bezahlt, nicht verbucht: von Hand verbuchen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payment outcome unknown: check the terminal&apos;s journal</source>
        <translation>Ergebnis der Zahlung unbekannt: Journal des Kartenterminals prüfen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>card taken away</source>
        <translation>Ausweis entfernt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>timed out</source>
        <translation>Zeit abgelaufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>card refused</source>
        <translation>Ausweis abgelehnt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>out of service</source>
        <translation>außer Betrieb</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The test page was printed.</source>
        <translation>Die Testseite wurde gedruckt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The test page was not printed: %1</source>
        <translation>Die Testseite wurde nicht gedruckt: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This kiosk has no receipt printer.</source>
        <translation>Dieses Terminal hat keinen Belegdrucker.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synchronised: %1 sent, %2 refused by the library system.</source>
        <translation>Synchronisiert: %1 gesendet, %2 vom Bibliothekssystem abgelehnt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The library system cannot be reached: %3 still waiting (%1 sent).</source>
        <translation>Das Bibliothekssystem ist nicht erreichbar: noch %3 ausstehend (%1 gesendet).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Synchronising failed: %1</source>
        <translation>Synchronisierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>Offline working is not switched on.</source>
        <translation>Der Offline-Betrieb ist nicht eingeschaltet.</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>The kiosk is out of service once you lock this screen.</source>
        <translation>Das Terminal ist außer Betrieb, sobald Sie diesen Bildschirm sperren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The kiosk is in service again once you lock this screen.</source>
        <translation>Das Terminal ist wieder in Betrieb, sobald Sie diesen Bildschirm sperren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The settings file has an error; the kiosk keeps the settings it has: %1</source>
        <translation>Die Einstellungsdatei enthält einen Fehler; das Terminal behält seine bisherigen Einstellungen: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restarting...</source>
        <translation>Neustart…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This kiosk cannot restart itself.</source>
        <translation>Dieses Terminal kann sich nicht selbst neu starten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The diagnostics were saved as %1</source>
        <translation>Die Diagnosedaten wurden gespeichert als %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The diagnostics were not saved: %1</source>
        <translation>Die Diagnosedaten wurden nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marked as dealt with.</source>
        <translation>Als erledigt markiert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That did not work: %1</source>
        <translation>Das hat nicht funktioniert: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reachable; the last answer took %1 ms.</source>
        <translation>Erreichbar; die letzte Antwort dauerte %1 ms.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot be reached.</source>
        <translation>Nicht erreichbar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not asked yet.</source>
        <translation>Noch nicht abgefragt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The kiosk works offline and records what it does.</source>
        <translation>Das Terminal arbeitet offline und zeichnet auf, was es tut.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 transactions waiting to be sent, %2 refused.</source>
        <translation>Vorgänge, die auf Übermittlung warten: %1, abgelehnt: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The offline journal cannot be read.</source>
        <translation>Das Offline-Journal kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last synchronised at %1: %2</source>
        <translation>Zuletzt synchronisiert um %1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In service.</source>
        <translation>In Betrieb.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out of service, set by staff: %1</source>
        <translation>Außer Betrieb, vom Personal eingestellt: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out of service by itself: %1</source>
        <translation>Von selbst außer Betrieb: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold a card against the reader.</source>
        <translation>Halten Sie einen Ausweis an das Lesegerät.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan a barcode.</source>
        <translation>Scannen Sie einen Barcode.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was read in 20 seconds. Check the cable and the device&apos;s light.</source>
        <translation>In 20 Sekunden wurde nichts gelesen. Prüfen Sie das Kabel und die Leuchte am Gerät.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read by the card reader</source>
        <translation>Vom Ausweisleser gelesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read by the scanner</source>
        <translation>Vom Scanner gelesen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a pass ending in %1 (%2 characters)</source>
        <translation>ein Ausweis mit der Endung %1 (%2 Zeichen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the item barcode %1 (%2 characters)</source>
        <translation>der Medienbarcode %1 (%2 Zeichen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a code this library does not use, ending in %1 (%2 characters)</source>
        <translation>ein Code, den diese Bibliothek nicht verwendet, mit der Endung %1 (%2 Zeichen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a code ending in %1 (%2 characters)</source>
        <translation>ein Code mit der Endung %1 (%2 Zeichen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Session ended (%1): %2 lent, %3 returned, %4 renewed</source>
        <translation>Sitzung beendet (%1): %2 ausgeliehen, %3 zurückgegeben, %4 verlängert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 %3</source>
        <translation>%1: %2 %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The library system cannot be reached</source>
        <translation>Das Bibliothekssystem ist nicht erreichbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The library system can be reached again</source>
        <translation>Das Bibliothekssystem ist wieder erreichbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff (%1): %2 %3</source>
        <translation>Mitarbeiter (%1): %2 %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment %1 of %2: %3</source>
        <translation>Zahlung %1 über %2: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>paid and booked</source>
        <translation>bezahlt und verbucht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paid, to be booked when the system answers</source>
        <translation>bezahlt, wird verbucht, sobald das System antwortet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paid, not booked: see the list below</source>
        <translation>bezahlt, nicht verbucht: siehe Liste unten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>declined</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped by the member</source>
        <translation>vom Nutzer abgebrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the terminal did not work</source>
        <translation>das Kartenterminal hat nicht funktioniert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outcome unknown: see the list below</source>
        <translation>Ergebnis unbekannt: siehe Liste unten</translation>
    </message>
</context>
</TS>
