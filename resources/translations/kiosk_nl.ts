<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
<context>
    <name>AccessibilityToggles</name>
    <message>
        <location filename="../qml/Kiosk/AccessibilityToggles.qml" line="+26"/>
        <source>Larger text</source>
        <translation>Grotere letters</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>High contrast</source>
        <translation>Hoog contrast</translation>
    </message>
</context>
<context>
    <name>BusyOverlay</name>
    <message>
        <location filename="../qml/Kiosk/BusyOverlay.qml" line="+41"/>
        <source>One moment, please…</source>
        <translation>Een moment geduld…</translation>
    </message>
</context>
<context>
    <name>CardEntryScreen</name>
    <message>
        <location filename="../qml/Kiosk/CardEntryScreen.qml" line="+28"/>
        <source>Type your card number</source>
        <translation>Typ je pasnummer</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>You find it under the barcode on your library pass.</source>
        <translation>Je vindt het onder de streepjescode op je bibliotheekpas.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>ConfirmFeeScreen</name>
    <message>
        <location filename="../qml/Kiosk/ConfirmFeeScreen.qml" line="+35"/>
        <source>This item costs %1 to borrow.</source>
        <translation>Dit item lenen kost %1.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Do you want to borrow it? The fee is added to your account.</source>
        <translation>Wil je het lenen? De kosten komen op je account te staan.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No, thank you</source>
        <translation>Nee, dank je</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Yes, borrow it</source>
        <translation>Ja, lenen</translation>
    </message>
</context>
<context>
    <name>CountdownOverlay</name>
    <message>
        <location filename="../qml/Kiosk/CountdownOverlay.qml" line="+35"/>
        <source>Are you still there?</source>
        <translation>Ben je er nog?</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>For your privacy we end your session in %n seconds.</source>
        <translation>
            <numerusform>Voor je privacy sluiten we over %n seconde af.</numerusform>
            <numerusform>Voor je privacy sluiten we over %n seconden af.</numerusform>
        </translation>
    </message>
    <message>
        <source>For your privacy we end your session in %1 seconds.</source>
        <translation type="vanished">Voor je privacy sluiten we over %1 seconden af.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>I am still here</source>
        <translation>Ik ben er nog</translation>
    </message>
</context>
<context>
    <name>GoodbyeScreen</name>
    <message>
        <location filename="../qml/Kiosk/GoodbyeScreen.qml" line="+22"/>
        <source>Thank you, see you soon!</source>
        <translation>Bedankt en tot ziens!</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Do not forget to take your library pass.</source>
        <translation>Vergeet je bibliotheekpas niet.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Start again</source>
        <translation>Opnieuw beginnen</translation>
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
        <translation>Hallo</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Put the items you want to borrow on the pad, or scan their barcodes.</source>
        <translation>Leg de items die je wilt lenen op de RFID-lezer, of scan hun streepjescodes.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the barcode of each item you want to borrow.</source>
        <translation>Scan de streepjescode van alles wat je wilt lenen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Return items</source>
        <translation>Inleveren</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Loans (%1)</source>
        <translation>Geleend (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holds (%1)</source>
        <translation>Reserveringen (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fees %1</source>
        <translation>Kosten %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family (%1)</source>
        <translation>Gezin (%1)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Titles are hidden for your privacy. Tap to show them.</source>
        <translation>Titels zijn verborgen voor je privacy. Tik om ze te tonen.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>You have nothing on loan right now.</source>
        <translation>Je hebt nu niets geleend.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Renew all</source>
        <translation>Alles verlengen</translation>
    </message>
    <message>
        <location line="+44"/>
        <location line="+77"/>
        <location line="+123"/>
        <source>Title hidden</source>
        <translation>Titel verborgen</translation>
    </message>
    <message>
        <location line="-186"/>
        <source>Overdue: it was due on %1</source>
        <translation>Te laat: moest uiterlijk %1 terug</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due on %1</source>
        <translation>Inleveren uiterlijk %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Renew</source>
        <translation>Verlengen</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>Pay %1</source>
        <translation>Betaal %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick the fees you want to pay</source>
        <translation>Vink de kosten aan die je wilt betalen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You can pay at the desk.</source>
        <translation>Je kunt betalen bij de balie.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 · due on %2</source>
        <translation>%1 · inleveren uiterlijk %2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Borrowed now</source>
        <translation>Nu geleend</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scan an item to borrow it.</source>
        <translation>Scan een item om het te lenen.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>No barcode scanner? Type the number</source>
        <translation>Geen scanner? Typ het nummer</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Type the number under the barcode</source>
        <translation>Typ het nummer onder de streepjescode</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>IdentifyingScreen</name>
    <message>
        <location filename="../qml/Kiosk/IdentifyingScreen.qml" line="+31"/>
        <source>One moment, please. We are checking your card.</source>
        <translation>Een moment geduld. We controleren je pas.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>IdleScreen</name>
    <message>
        <location filename="../qml/Kiosk/IdleScreen.qml" line="+41"/>
        <source>Tap your library pass</source>
        <translation>Scan je bibliotheekpas</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Hold it against the reader, or scan the barcode on the back.</source>
        <translation>Houd je pas tegen de lezer, of scan de streepjescode op de achterkant.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Type your card number</source>
        <translation>Typ je pasnummer</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Return items</source>
        <translation>Inleveren</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Privacy</source>
        <translation>Privacy</translation>
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
        <translation>Wissen</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="+22"/>
        <source>Library Kiosk</source>
        <translation>Selfservicezuil</translation>
    </message>
</context>
<context>
    <name>OutOfServiceScreen</name>
    <message>
        <location filename="../qml/Kiosk/OutOfServiceScreen.qml" line="+21"/>
        <source>This kiosk is out of service</source>
        <translation>Deze zuil is buiten gebruik</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sorry for the trouble. Please ask at the desk.</source>
        <translation>Sorry voor het ongemak. Vraag het bij de balie.</translation>
    </message>
</context>
<context>
    <name>PaymentScreen</name>
    <message>
        <location filename="../qml/Kiosk/PaymentScreen.qml" line="+27"/>
        <source>Pay %1 at the payment terminal</source>
        <translation>Betaal %1 op de betaalautomaat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You are about to pay %1</source>
        <translation>Je gaat %1 betalen</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Follow the instructions on the payment terminal. To stop, press Stop on the terminal.</source>
        <translation>Volg de aanwijzingen op de betaalautomaat. Wil je stoppen? Druk dan op Stop op de betaalautomaat.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You pay with your bank card at the payment terminal. It only receives the amount, nothing about you.</source>
        <translation>Je betaalt met je bankpas op de betaalautomaat. Die krijgt alleen het bedrag door, niets over jou.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pay %1</source>
        <translation>Betaal %1</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <location filename="../qml/Kiosk/PinScreen.qml" line="+29"/>
        <source>Type your PIN</source>
        <translation>Typ je pincode</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cover the keypad with your hand.</source>
        <translation>Scherm de toetsen af met je hand.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <location filename="../qml/Kiosk/PrivacyPage.qml" line="+36"/>
        <source>Your privacy at this kiosk</source>
        <translation>Je privacy bij deze zuil</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The kiosk uses your library pass only to lend, return and renew, and to show your account while you are here.</source>
        <translation>De zuil gebruikt je bibliotheekpas alleen om te lenen, in te leveren en te verlengen, en om je gegevens te tonen zolang je hier bent.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It shows your first name, never your address, phone number, e-mail address or full card number. Your PIN is never shown.</source>
        <translation>Hij toont je voornaam, maar nooit je adres, telefoonnummer, e-mailadres of volledige pasnummer. Je pincode is nooit te zien.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When you are done, take your pass away, or stop touching the screen: the kiosk then forgets everything about you and shows the start screen.</source>
        <translation>Ben je klaar? Haal dan je pas weg, of raak het scherm niet meer aan: de zuil vergeet dan alles over jou en toont het beginscherm.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The kiosk keeps nothing about you. If the library system cannot be reached, it keeps only card and item numbers until they are sent, and then deletes them.</source>
        <translation>De zuil bewaart niets over jou. Is het bibliotheeksysteem niet bereikbaar, dan bewaart hij alleen pas- en itemnummers tot ze verstuurd zijn, en wist ze daarna.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your receipt shows only the last four digits of your card number. You can also choose no receipt.</source>
        <translation>Op je bon staan alleen de laatste vier cijfers van je pasnummer. Je kunt ook kiezen voor geen bon.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing is sent anywhere except to the library&apos;s own systems.</source>
        <translation>Er gaat niets naar buiten, alleen naar de eigen systemen van de bibliotheek.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The library&apos;s privacy statement</source>
        <translation>Privacyverklaring van de bibliotheek</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <location filename="../qml/Kiosk/ReceiptScreen.qml" line="+24"/>
        <source>Would you like a receipt?</source>
        <translation>Wil je een bon?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you borrowed today</source>
        <translation>Vandaag geleend</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>E-mail to %1</source>
        <translation>E-mail naar %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No receipt, thanks</source>
        <translation>Geen bon, dank je</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Printing…</source>
        <translation>Bezig met printen…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Print a receipt</source>
        <translation>Bon printen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
</context>
<context>
    <name>ReturnScreen</name>
    <message>
        <location filename="../qml/Kiosk/ReturnScreen.qml" line="+30"/>
        <source>Return items</source>
        <translation>Inleveren</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Put the items you bring back on the pad, or scan their barcodes.</source>
        <translation>Leg de items die je inlevert op de RFID-lezer, of scan hun streepjescodes.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the barcode of each item you bring back.</source>
        <translation>Scan de streepjescode van alles wat je inlevert.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Nothing returned yet.</source>
        <translation>Nog niets ingeleverd.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1 Bin: %2</source>
        <translation>%1 Bak: %2</translation>
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
        <translation>Demomodus: deze knoppen spelen voor paslezer en scanner.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Take the card away</source>
        <translation>Pas weghalen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Scan any code</source>
        <translation>Willekeurige code scannen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Card number or barcode</source>
        <translation>Pasnummer of streepjescode</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scan</source>
        <translation>Scannen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Library pass</source>
        <translation>Bibliotheekpas</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>RFID pad</source>
        <translation>RFID-lezer</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Put 3 items on the pad</source>
        <translation>3 items op de RFID-lezer leggen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put 2 of a course&apos;s 3 discs on it</source>
        <translation>2 van de 3 schijven van een cursus erop leggen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the third disc</source>
        <translation>De derde schijf erbij leggen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take everything off the pad</source>
        <translation>Alles van de RFID-lezer halen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Scan an item</source>
        <translation>Item scannen</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Device faults</source>
        <translation>Storingen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Card reader unplugged</source>
        <translation>Paslezer losgekoppeld</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanner unplugged</source>
        <translation>Scanner losgekoppeld</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer out of paper</source>
        <translation>Printer zonder papier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer off-line</source>
        <translation>Printer offline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payments declined</source>
        <translation>Betalingen geweigerd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment terminal unplugged</source>
        <translation>Betaalautomaat losgekoppeld</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The printer printed</source>
        <translation>Uit de printer</translation>
    </message>
</context>
<context>
    <name>StackCountDialog</name>
    <message>
        <location filename="../qml/Kiosk/StackCountDialog.qml" line="+38"/>
        <source>How many items did you put on the pad?</source>
        <translation>Hoeveel items heb je op de RFID-lezer gelegd?</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>More than 10? Please put them on the pad in smaller stacks.</source>
        <translation>Meer dan 10? Leg ze dan in kleinere stapels op de RFID-lezer.</translation>
    </message>
</context>
<context>
    <name>StaffPinScreen</name>
    <message>
        <location filename="../qml/Kiosk/StaffPinScreen.qml" line="+29"/>
        <source>Staff PIN</source>
        <translation>Medewerkerspincode</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>For library staff: type the staff PIN to open maintenance mode.</source>
        <translation>Voor bibliotheekmedewerkers: typ de medewerkerspincode om de onderhoudsmodus te openen.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message>
        <location filename="../qml/Kiosk/StaffScreen.qml" line="+72"/>
        <source>Maintenance</source>
        <translation>Onderhoud</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Lock</source>
        <translation>Vergrendelen</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Devices</source>
        <translation>Apparaten</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Library system</source>
        <translation>Bibliotheeksysteem</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Offline journal</source>
        <translation>Offlinelogboek</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Dealt with</source>
        <translation>Afgehandeld</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Synchronise now</source>
        <translation>Nu synchroniseren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Service</source>
        <translation>Beschikbaarheid</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Message for members (optional)</source>
        <translation>Bericht voor leden (optioneel)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Out of service</source>
        <translation>Buiten gebruik</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Back in service</source>
        <translation>Weer in gebruik</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tests</source>
        <translation>Tests</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Test print</source>
        <translation>Testafdruk</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Test the card reader</source>
        <translation>Paslezer testen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Test the scanner</source>
        <translation>Scanner testen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The kiosk</source>
        <translation>De zuil</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reload the settings</source>
        <translation>Instellingen opnieuw laden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tap again to restart</source>
        <translation>Tik nogmaals om te herstarten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restart</source>
        <translation>Herstarten</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save the diagnostics for support to:</source>
        <translation>Diagnosegegevens voor support opslaan op:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert a USB stick to save the diagnostics for support.</source>
        <translation>Plaats een USB-stick om de diagnosegegevens voor support op te slaan.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Recent events</source>
        <translation>Recente gebeurtenissen</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="+27"/>
        <source>Done.</source>
        <translation>Gelukt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renewed. Please check the new return date on your receipt or account.</source>
        <translation>Verlengd. Kijk op je bon of in je account voor de nieuwe inleverdatum.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You already had this item; we renewed it for you.</source>
        <translation>Je had dit item al; we hebben het voor je verlengd.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Returned. Thank you! You can put it on the return shelf.</source>
        <translation>Ingeleverd. Dank je wel! Je kunt het op de inleverplank zetten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Returned. Someone is waiting for this item: please put it on the hold shelf.</source>
        <translation>Ingeleverd. Iemand wacht op dit item: zet het in de reserveringenkast.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Returned. This item goes to another branch: please put it in the transit box.</source>
        <translation>Ingeleverd. Dit item gaat naar een andere vestiging: leg het in het transportkrat.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That is not a card number we can read. Please check it and try again.</source>
        <translation>Dat pasnummer kunnen we niet lezen. Controleer het en probeer het opnieuw.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>We do not know this card. Please ask at the desk.</source>
        <translation>We kennen deze pas niet. Vraag het bij de balie.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That is an item. Please tap or scan your library pass first.</source>
        <translation>Dat is een item. Scan eerst je bibliotheekpas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please type your PIN.</source>
        <translation>Typ je pincode.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That PIN is not right. Please try again; if you forgot it, please ask at the desk.</source>
        <translation>Die pincode klopt niet. Probeer het opnieuw; ben je hem vergeten, vraag het dan bij de balie.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your card is locked at the kiosk after too many wrong PINs. Please ask at the desk.</source>
        <translation>Je pas is geblokkeerd bij de zuil: te vaak een verkeerde pincode. Vraag het bij de balie.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your library pass has expired. Please renew it at the desk.</source>
        <translation>Je bibliotheekpas is verlopen. Verleng hem bij de balie.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This card has been reported lost. Please ask at the desk.</source>
        <translation>Deze pas is als kwijt gemeld. Vraag het bij de balie.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You cannot borrow right now because of open fees. Please pay them here or at the desk.</source>
        <translation>Je kunt nu niet lenen omdat er nog kosten openstaan. Betaal ze hier of bij de balie.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You cannot borrow right now because some items are overdue. Please return them first.</source>
        <translation>Je kunt nu niet lenen omdat je iets te laat hebt. Lever dat eerst in.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You cannot borrow at the kiosk right now. Please ask at the desk.</source>
        <translation>Je kunt nu niet lenen bij de zuil. Vraag het bij de balie.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>We could not read that barcode. Please scan the item again.</source>
        <translation>We konden die streepjescode niet lezen. Scan het item nog een keer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>We do not know this item. Please take it to the desk.</source>
        <translation>We kennen dit item niet. Breng het naar de balie.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item is still lent to someone else. Please take it to the desk.</source>
        <translation>Dit item staat nog uitgeleend aan iemand anders. Breng het naar de balie.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item is reserved for someone else. Please take it to the desk.</source>
        <translation>Dit item is gereserveerd voor iemand anders. Breng het naar de balie.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item can only be used in the library. Please put it back or ask at the desk.</source>
        <translation>Dit item kun je alleen in de bibliotheek gebruiken. Zet het terug of vraag het bij de balie.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This item has an age limit. Please ask at the desk.</source>
        <translation>Voor dit item geldt een leeftijdsgrens. Vraag het bij de balie.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item is on its way to another branch. Please take it to the desk.</source>
        <translation>Dit item is onderweg naar een andere vestiging. Breng het naar de balie.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item cannot be borrowed right now. Please take it to the desk.</source>
        <translation>Dit item kun je nu niet lenen. Breng het naar de balie.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You have reached the most items you can borrow. Please return an item first.</source>
        <translation>Je hebt het maximale aantal items geleend. Lever eerst iets in.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This item has a lending fee and was not checked out. Scan it again to decide.</source>
        <translation>Voor dit item betaal je leengeld; het is nog niet geleend. Scan het opnieuw om te kiezen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This item was not lent out. Please take it to the desk.</source>
        <translation>Dit item stond niet uitgeleend. Breng het naar de balie.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please take this item to the desk.</source>
        <translation>Breng dit item naar de balie.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This item cannot be renewed again. Please return it by its due date.</source>
        <translation>Dit item kun je niet nog een keer verlengen. Lever het uiterlijk op de inleverdatum in.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Someone else is waiting for this item, so it cannot be renewed. Please return it by its due date.</source>
        <translation>Iemand anders wacht op dit item, dus je kunt het niet verlengen. Lever het uiterlijk op de inleverdatum in.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This item is not lent to you, so you cannot renew it. Please ask at the desk.</source>
        <translation>Dit item staat niet op jouw naam, dus je kunt het niet verlengen. Vraag het bij de balie.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item cannot be renewed. Please return it by its due date.</source>
        <translation>Dit item kun je niet verlengen. Lever het uiterlijk op de inleverdatum in.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>We could not find this fee. Please ask at the desk.</source>
        <translation>We konden deze kosten niet vinden. Vraag het bij de balie.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That amount cannot be paid here. Please choose another amount.</source>
        <translation>Dat bedrag kun je hier niet betalen. Kies een ander bedrag.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thank you, your payment was received.</source>
        <translation>Bedankt, je betaling is ontvangen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thank you, your payment was received. Your account will show it a little later; you do not need to pay again.</source>
        <translation>Bedankt, je betaling is ontvangen. Je ziet het iets later in je account; je hoeft niet opnieuw te betalen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your payment was received, but your account could not be updated. You do not need to pay again: please ask at the desk and mention reference %1.</source>
        <translation>Je betaling is ontvangen, maar je account kon niet worden bijgewerkt. Je hoeft niet opnieuw te betalen: vraag het bij de balie en noem referentie %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The payment was declined and nothing was charged. Try another card or pay at the desk.</source>
        <translation>De betaling is geweigerd en er is niets afgeschreven. Probeer een andere bankpas of betaal bij de balie.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The payment was stopped and nothing was charged.</source>
        <translation>De betaling is gestopt en er is niets afgeschreven.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The payment terminal is not working right now and nothing was charged. Please pay at the desk.</source>
        <translation>De betaalautomaat werkt nu niet en er is niets afgeschreven. Betaal bij de balie.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>We cannot tell whether your payment went through. Please do not pay again: ask at the desk and mention reference %1.</source>
        <translation>We weten niet zeker of je betaling gelukt is. Betaal niet opnieuw: vraag het bij de balie en noem referentie %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paying is not possible here right now. Please pay at the desk.</source>
        <translation>Betalen kan hier nu niet. Betaal bij de balie.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only %1 of the %2 parts of an item are on the pad. Please put all its parts on the pad.</source>
        <translation>Er liggen maar %1 van de %2 onderdelen van een item op de RFID-lezer. Leg alle onderdelen op de RFID-lezer.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The tag of an item on the pad cannot be read. Please scan its barcode, or take it to the desk.</source>
        <translation>De tag van een item op de RFID-lezer is niet te lezen. Scan de streepjescode, of breng het item naar de balie.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Please put the item marked below back on the pad for a moment, so that the gate lets it through.</source>
        <translation>Leg het item dat hieronder is gemarkeerd even terug op de RFID-lezer, zodat het beveiligingspoortje het doorlaat.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An item on the pad is already lent to you. To return it, tap Return items.</source>
        <translation>Een item op de RFID-lezer heb je al geleend. Wil je het inleveren? Tik dan op Inleveren.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>We find %1 of the %2 items you placed. Spread them out on the pad, or scan the barcode of the missing ones.</source>
        <translation>We vinden %1 van de %2 items die je hebt neergelegd. Leg ze verder uit elkaar op de RFID-lezer, of scan de streepjescode van de ontbrekende items.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The library system is not answering right now. Please try again in a moment or ask at the desk.</source>
        <translation>Het bibliotheeksysteem reageert nu niet. Probeer het zo nog eens of vraag het bij de balie.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Something went wrong. Please try again or ask at the desk.</source>
        <translation>Er ging iets mis. Probeer het opnieuw of vraag het bij de balie.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Please take your receipt.</source>
        <translation>Vergeet je bon niet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your receipt is on its way to your e-mail address.</source>
        <translation>Je bon komt naar je e-mailadres.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The receipt could not be e-mailed. Your loans are saved: you see them here, and always in your account online.</source>
        <translation>De bon kon niet worden gemaild. Wat je hebt geleend is opgeslagen: je ziet het hier, en altijd in je account online.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The receipt printer is out of paper. Your loans are saved: you see them here, and always in your account online.</source>
        <translation>De bonprinter heeft geen papier meer. Wat je hebt geleend is opgeslagen: je ziet het hier, en altijd in je account online.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The receipt printer is not working right now. Your loans are saved: you see them here, and always in your account online.</source>
        <translation>De bonprinter werkt nu niet. Wat je hebt geleend is opgeslagen: je ziet het hier, en altijd in je account online.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The library system cannot be reached right now. You can still return items, and borrow up to %1 more: we record them and pass them on as soon as it is back.</source>
        <translation>Het bibliotheeksysteem is nu niet bereikbaar. Je kunt nog steeds inleveren, en nog tot %1 items lenen: we noteren ze en geven ze door zodra het systeem weer bereikbaar is.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recorded. The library system will have it as soon as it is back; your account shows it then.</source>
        <translation>Genoteerd. Het bibliotheeksysteem krijgt het zodra het weer bereikbaar is; dan zie je het ook in je account.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>While the library system cannot be reached, the kiosk lends only a few items per pass (at most %1). Please ask at the desk.</source>
        <translation>Zolang het bibliotheeksysteem niet bereikbaar is, leent de zuil maar een paar items per pas uit (hoogstens %1). Vraag het bij de balie.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This cannot be done while the library system cannot be reached. Please try again later or ask at the desk.</source>
        <translation>Dit kan niet zolang het bibliotheeksysteem niet bereikbaar is. Probeer het later nog eens of vraag het bij de balie.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The kiosk cannot record this right now. Please ask at the desk.</source>
        <translation>De zuil kan dit nu niet noteren. Vraag het bij de balie.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>That staff PIN is not right. Please try again.</source>
        <translation>Die medewerkerspincode klopt niet. Probeer het opnieuw.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too many wrong staff PINs: PIN entry is locked for five minutes. Use a staff card.</source>
        <translation>Te vaak een verkeerde medewerkerspincode: pincode invoeren is vijf minuten geblokkeerd. Gebruik een medewerkerspas.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The kiosk&apos;s settings need to be corrected by staff.</source>
        <translation>De instellingen van de zuil moeten door een medewerker worden gecorrigeerd.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>That PIN is not right. Please try again. Attempts left before your card is locked: %n.</source>
        <translation>
            <numerusform>Die pincode klopt niet. Probeer het opnieuw. Je hebt nog %n poging voordat je pas wordt geblokkeerd.</numerusform>
            <numerusform>Die pincode klopt niet. Probeer het opnieuw. Je hebt nog %n pogingen voordat je pas wordt geblokkeerd.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checked out. Please return it by %1.</source>
        <translation>Geleend. Inleveren uiterlijk %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renewed: now due on %1.</source>
        <translation>Verlengd: inleveren uiterlijk %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Checked out. This item has %n parts: please check that they are all in the box. Please return it by %1.</source>
        <translation>
            <numerusform>Geleend. Dit item bestaat uit %n onderdeel: kijk of alles in de doos zit. Inleveren uiterlijk %1.</numerusform>
            <numerusform>Geleend. Dit item bestaat uit %n onderdelen: kijk of ze allemaal in de doos zitten. Inleveren uiterlijk %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Loan receipt</source>
        <translation>Uitleenbon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return receipt</source>
        <translation>Inleverbon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card</source>
        <translation>Pas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Borrowed</source>
        <translation>Geleend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>due</source>
        <translation>inleveren uiterlijk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not borrowed</source>
        <translation>Niet geleend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fee</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your account online</source>
        <translation>Je account online</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned</source>
        <translation>Ingeleverd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parts</source>
        <translation>Onderdelen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renewed</source>
        <translation>Verlengd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HOLD</source>
        <translation>RESERVERING</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TRANSIT</source>
        <translation>TRANSPORT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>Naar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bin</source>
        <translation>Bak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>Betaald</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>Totaal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>Referentie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid; your account will show it later</source>
        <translation>Betaald; je ziet het later in je account</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid; the desk will book it</source>
        <translation>Betaald; de balie boekt het</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not known whether this was paid: ask at the desk</source>
        <translation>Niet bekend of dit betaald is: vraag het aan de balie</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Ready for you at %1.</source>
        <translation>Ligt voor je klaar bij %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready for you at %1, until %2.</source>
        <translation>Ligt voor je klaar bij %1, tot en met %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting: number %1 in the queue, for %2.</source>
        <translation>Wachtlijst: je bent nummer %1, ophalen bij %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting, for %1.</source>
        <translation>Op de wachtlijst, ophalen bij %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On its way to %1.</source>
        <translation>Onderweg naar %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family member</source>
        <translation>Gezinslid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the slip from the printer and put it in the item.</source>
        <translation>Pak het bonnetje uit de printer en stop het in het item.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put it back on the pad for a moment: its security tag was not switched yet.</source>
        <translation>Leg het even terug op de RFID-lezer: het beveiligingslabel is nog niet omgezet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Late fee</source>
        <translation>Boete (te laat)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rental fee</source>
        <translation>Leengeld</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold fee</source>
        <translation>Reserveringskosten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost item</source>
        <translation>Kwijtgeraakt item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Damaged item</source>
        <translation>Beschadigd item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing part</source>
        <translation>Ontbrekend onderdeel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Library pass</source>
        <translation>Bibliotheekpas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other costs</source>
        <translation>Overige kosten</translation>
    </message>
</context>
<context>
    <name>staff</name>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="+53"/>
        <source>Card reader</source>
        <extracomment>milliseconds between two looks at the kiosk&apos;s state while the staff screen is open</extracomment>
        <translation>Paslezer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt printer</source>
        <translation>Bonprinter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment terminal</source>
        <translation>Betaalautomaat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RFID pad</source>
        <translation>RFID-lezer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Working</source>
        <translation>Werkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs attention</source>
        <translation>Vraagt aandacht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not working</source>
        <translation>Werkt niet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sessions</source>
        <translation>Sessies</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items lent</source>
        <translation>Items uitgeleend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items returned</source>
        <translation>Items ingeleverd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items renewed</source>
        <translation>Items verlengd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipts printed</source>
        <translation>Bonnen geprint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipts e-mailed</source>
        <translation>Bonnen gemaild</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipts not printed</source>
        <translation>Bonnen niet geprint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payments</source>
        <translation>Betalingen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loan</source>
        <translation>Uitlening</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return</source>
        <translation>Inlevering</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid at the terminal, refused by the library system: book or refund</source>
        <translation>Betaald op de betaalautomaat, geweigerd door het bibliotheeksysteem: boeken of terugbetalen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paid at the terminal, not booked: book it by hand</source>
        <translation>Betaald op de betaalautomaat, niet geboekt: handmatig boeken</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payment outcome unknown: check the terminal&apos;s journal</source>
        <translation>Uitkomst van de betaling onbekend: controleer het journaal van de betaalautomaat</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>done</source>
        <translation>klaar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>card taken away</source>
        <translation>pas weggehaald</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>timed out</source>
        <translation>tijd verstreken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>geannuleerd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>card refused</source>
        <translation>pas geweigerd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>out of service</source>
        <translation>buiten gebruik</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The test page was printed.</source>
        <translation>De testpagina is geprint.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The test page was not printed: %1</source>
        <translation>De testpagina is niet geprint: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This kiosk has no receipt printer.</source>
        <translation>Deze zuil heeft geen bonprinter.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synchronised: %1 sent, %2 refused by the library system.</source>
        <translation>Gesynchroniseerd: %1 verstuurd, %2 geweigerd door het bibliotheeksysteem.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The library system cannot be reached: %3 still waiting (%1 sent).</source>
        <translation>Het bibliotheeksysteem is niet bereikbaar: nog %3 in de wachtrij (%1 verstuurd).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Synchronising failed: %1</source>
        <translation>Synchroniseren mislukt: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>Offline working is not switched on.</source>
        <translation>Offline werken staat niet aan.</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>The kiosk is out of service once you lock this screen.</source>
        <translation>De zuil is buiten gebruik zodra je dit scherm vergrendelt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The kiosk is in service again once you lock this screen.</source>
        <translation>De zuil is weer in gebruik zodra je dit scherm vergrendelt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The settings file has an error; the kiosk keeps the settings it has: %1</source>
        <translation>Het instellingenbestand bevat een fout; de zuil houdt de instellingen die hij al had: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restarting...</source>
        <translation>Herstarten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This kiosk cannot restart itself.</source>
        <translation>Deze zuil kan zichzelf niet herstarten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The diagnostics were saved as %1</source>
        <translation>De diagnosegegevens zijn opgeslagen als %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The diagnostics were not saved: %1</source>
        <translation>De diagnosegegevens zijn niet opgeslagen: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marked as dealt with.</source>
        <translation>Gemarkeerd als afgehandeld.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That did not work: %1</source>
        <translation>Dat is niet gelukt: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reachable; the last answer took %1 ms.</source>
        <translation>Bereikbaar; het laatste antwoord duurde %1 ms.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot be reached.</source>
        <translation>Niet bereikbaar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not asked yet.</source>
        <translation>Nog niet gecontroleerd.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The kiosk works offline and records what it does.</source>
        <translation>De zuil werkt offline en houdt bij wat hij doet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 transactions waiting to be sent, %2 refused.</source>
        <translation>Transacties die wachten op verzending: %1, geweigerd: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The offline journal cannot be read.</source>
        <translation>Het offlinelogboek kan niet worden gelezen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last synchronised at %1: %2</source>
        <translation>Laatst gesynchroniseerd om %1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In service.</source>
        <translation>In gebruik.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out of service, set by staff: %1</source>
        <translation>Buiten gebruik, ingesteld door een medewerker: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out of service by itself: %1</source>
        <translation>Buiten gebruik door de zuil zelf: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold a card against the reader.</source>
        <translation>Houd een pas tegen de lezer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan a barcode.</source>
        <translation>Scan een streepjescode.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was read in 20 seconds. Check the cable and the device&apos;s light.</source>
        <translation>In 20 seconden is niets gelezen. Controleer de kabel en het lampje van het apparaat.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read by the card reader</source>
        <translation>Gelezen door de paslezer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read by the scanner</source>
        <translation>Gelezen door de scanner</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a pass ending in %1 (%2 characters)</source>
        <translation>een pas die eindigt op %1 (%2 tekens)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the item barcode %1 (%2 characters)</source>
        <translation>de streepjescode %1 van een item (%2 tekens)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a code this library does not use, ending in %1 (%2 characters)</source>
        <translation>een code die deze bibliotheek niet gebruikt, eindigend op %1 (%2 tekens)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a code ending in %1 (%2 characters)</source>
        <translation>een code die eindigt op %1 (%2 tekens)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Session ended (%1): %2 lent, %3 returned, %4 renewed</source>
        <translation>Sessie beëindigd (%1): %2 geleend, %3 ingeleverd, %4 verlengd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 %3</source>
        <translation>%1: %2 %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The library system cannot be reached</source>
        <translation>Het bibliotheeksysteem is niet bereikbaar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The library system can be reached again</source>
        <translation>Het bibliotheeksysteem is weer bereikbaar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff (%1): %2 %3</source>
        <translation>Medewerker (%1): %2 %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment %1 of %2: %3</source>
        <translation>Betaling %1 van %2: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>paid and booked</source>
        <translation>betaald en geboekt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paid, to be booked when the system answers</source>
        <translation>betaald, wordt geboekt zodra het systeem reageert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paid, not booked: see the list below</source>
        <translation>betaald, niet geboekt: zie de lijst hieronder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>declined</source>
        <translation>geweigerd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped by the member</source>
        <translation>gestopt door het lid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the terminal did not work</source>
        <translation>de betaalautomaat werkte niet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outcome unknown: see the list below</source>
        <translation>uitkomst onbekend: zie de lijst hieronder</translation>
    </message>
</context>
</TS>
