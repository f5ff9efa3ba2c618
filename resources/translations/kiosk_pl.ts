<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL" sourcelanguage="en">
<context>
    <name>AccessibilityToggles</name>
    <message>
        <location filename="../qml/Kiosk/AccessibilityToggles.qml" line="+26"/>
        <source>Larger text</source>
        <translation>Większy tekst</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>High contrast</source>
        <translation>Wysoki kontrast</translation>
    </message>
</context>
<context>
    <name>BusyOverlay</name>
    <message>
        <location filename="../qml/Kiosk/BusyOverlay.qml" line="+41"/>
        <source>One moment, please…</source>
        <translation>Chwileczkę…</translation>
    </message>
</context>
<context>
    <name>CardEntryScreen</name>
    <message>
        <location filename="../qml/Kiosk/CardEntryScreen.qml" line="+28"/>
        <source>Type your card number</source>
        <translation>Wpisz numer karty</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>You find it under the barcode on your library pass.</source>
        <translation>Znajdziesz go pod kodem kreskowym na karcie bibliotecznej.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
</context>
<context>
    <name>ConfirmFeeScreen</name>
    <message>
        <location filename="../qml/Kiosk/ConfirmFeeScreen.qml" line="+35"/>
        <source>This item costs %1 to borrow.</source>
        <translation>Wypożyczenie tego egzemplarza kosztuje %1.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Do you want to borrow it? The fee is added to your account.</source>
        <translation>Chcesz go wypożyczyć? Opłata zostanie doliczona do twojego konta.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No, thank you</source>
        <translation>Nie, dziękuję</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Yes, borrow it</source>
        <translation>Tak, wypożycz</translation>
    </message>
</context>
<context>
    <name>CountdownOverlay</name>
    <message>
        <location filename="../qml/Kiosk/CountdownOverlay.qml" line="+35"/>
        <source>Are you still there?</source>
        <translation>Czy nadal tu jesteś?</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>For your privacy we end your session in %n seconds.</source>
        <translation>
            <numerusform>Ze względu na prywatność zakończymy sesję za %n sekundę.</numerusform>
            <numerusform>Ze względu na prywatność zakończymy sesję za %n sekundy.</numerusform>
            <numerusform>Ze względu na prywatność zakończymy sesję za %n sekund.</numerusform>
        </translation>
    </message>
    <message>
        <source>For your privacy we end your session in %1 seconds.</source>
        <translation type="vanished">Ze względu na prywatność zakończymy sesję za %1 s.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>I am still here</source>
        <translation>Nadal tu jestem</translation>
    </message>
</context>
<context>
    <name>GoodbyeScreen</name>
    <message>
        <location filename="../qml/Kiosk/GoodbyeScreen.qml" line="+22"/>
        <source>Thank you, see you soon!</source>
        <translation>Dziękujemy, do zobaczenia!</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Do not forget to take your library pass.</source>
        <translation>Nie zapomnij zabrać karty bibliotecznej.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Start again</source>
        <translation>Zacznij od nowa</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../qml/Kiosk/HomeScreen.qml" line="+37"/>
        <source>Hello, %1</source>
        <translation>Witaj, %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hello</source>
        <translation>Witaj</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Put the items you want to borrow on the pad, or scan their barcodes.</source>
        <translation>Połóż egzemplarze, które chcesz wypożyczyć, na czytniku RFID albo zeskanuj ich kody kreskowe.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the barcode of each item you want to borrow.</source>
        <translation>Zeskanuj kod kreskowy każdego egzemplarza, który chcesz wypożyczyć.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Return items</source>
        <translation>Zwrot</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Done</source>
        <translation>Gotowe</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Loans (%1)</source>
        <translation>Wypożyczenia (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holds (%1)</source>
        <translation>Rezerwacje (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fees %1</source>
        <translation>Opłaty %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family (%1)</source>
        <translation>Rodzina (%1)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Titles are hidden for your privacy. Tap to show them.</source>
        <translation>Tytuły są ukryte ze względu na prywatność. Dotknij, aby je pokazać.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>You have nothing on loan right now.</source>
        <translation>Nie masz teraz żadnych wypożyczeń.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Renew all</source>
        <translation>Prolonguj wszystkie</translation>
    </message>
    <message>
        <location line="+44"/>
        <location line="+77"/>
        <location line="+123"/>
        <source>Title hidden</source>
        <translation>Tytuł ukryty</translation>
    </message>
    <message>
        <location line="-186"/>
        <source>Overdue: it was due on %1</source>
        <translation>Po terminie: termin zwrotu minął %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due on %1</source>
        <translation>Termin zwrotu: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Renew</source>
        <translation>Prolonguj</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>Pay %1</source>
        <translation>Zapłać %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick the fees you want to pay</source>
        <translation>Zaznacz opłaty, które chcesz zapłacić</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You can pay at the desk.</source>
        <translation>Możesz zapłacić w punkcie obsługi.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 · due on %2</source>
        <translation>%1 · termin zwrotu: %2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Borrowed now</source>
        <translation>Wypożyczone teraz</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scan an item to borrow it.</source>
        <translation>Zeskanuj egzemplarz, aby go wypożyczyć.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>No barcode scanner? Type the number</source>
        <translation>Brak skanera? Wpisz numer</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Type the number under the barcode</source>
        <translation>Wpisz numer spod kodu kreskowego</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Add</source>
        <translation>Dodaj</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
</context>
<context>
    <name>IdentifyingScreen</name>
    <message>
        <location filename="../qml/Kiosk/IdentifyingScreen.qml" line="+31"/>
        <source>One moment, please. We are checking your card.</source>
        <translation>Chwileczkę. Sprawdzamy twoją kartę.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
</context>
<context>
    <name>IdleScreen</name>
    <message>
        <location filename="../qml/Kiosk/IdleScreen.qml" line="+41"/>
        <source>Tap your library pass</source>
        <translation>Przyłóż kartę biblioteczną</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Hold it against the reader, or scan the barcode on the back.</source>
        <translation>Przyłóż ją do czytnika albo zeskanuj kod kreskowy z tyłu.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Type your card number</source>
        <translation>Wpisz numer karty</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Return items</source>
        <translation>Zwrot</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Privacy</source>
        <translation>Prywatność</translation>
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
        <translation>Usuń</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="+22"/>
        <source>Library Kiosk</source>
        <translation>Kiosk biblioteczny</translation>
    </message>
</context>
<context>
    <name>OutOfServiceScreen</name>
    <message>
        <location filename="../qml/Kiosk/OutOfServiceScreen.qml" line="+21"/>
        <source>This kiosk is out of service</source>
        <translation>Ten kiosk jest nieczynny</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sorry for the trouble. Please ask at the desk.</source>
        <translation>Przepraszamy za utrudnienia. Zapytaj w punkcie obsługi.</translation>
    </message>
</context>
<context>
    <name>PaymentScreen</name>
    <message>
        <location filename="../qml/Kiosk/PaymentScreen.qml" line="+27"/>
        <source>Pay %1 at the payment terminal</source>
        <translation>Zapłać %1 w terminalu płatniczym</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You are about to pay %1</source>
        <translation>Zamierzasz zapłacić %1</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Follow the instructions on the payment terminal. To stop, press Stop on the terminal.</source>
        <translation>Postępuj zgodnie z instrukcjami na terminalu płatniczym. Aby przerwać, naciśnij Stop na terminalu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You pay with your bank card at the payment terminal. It only receives the amount, nothing about you.</source>
        <translation>Płacisz kartą płatniczą w terminalu płatniczym. Terminal dostaje tylko kwotę, nic o tobie.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Back</source>
        <translation>Wstecz</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pay %1</source>
        <translation>Zapłać %1</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <location filename="../qml/Kiosk/PinScreen.qml" line="+29"/>
        <source>Type your PIN</source>
        <translation>Wpisz PIN</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cover the keypad with your hand.</source>
        <translation>Zasłoń klawiaturę dłonią.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <location filename="../qml/Kiosk/PrivacyPage.qml" line="+36"/>
        <source>Your privacy at this kiosk</source>
        <translation>Twoja prywatność przy tym kiosku</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The kiosk uses your library pass only to lend, return and renew, and to show your account while you are here.</source>
        <translation>Kiosk używa twojej karty bibliotecznej tylko do wypożyczeń, zwrotów i prolongat oraz do pokazania twojego konta, gdy tu jesteś.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It shows your first name, never your address, phone number, e-mail address or full card number. Your PIN is never shown.</source>
        <translation>Pokazuje twoje imię, nigdy adres, numer telefonu, adres e-mail ani pełny numer karty. Twój PIN nigdy nie jest wyświetlany.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When you are done, take your pass away, or stop touching the screen: the kiosk then forgets everything about you and shows the start screen.</source>
        <translation>Gdy skończysz, zabierz kartę albo przestań dotykać ekranu: kiosk zapomni wtedy wszystko o tobie i pokaże ekran startowy.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The kiosk keeps nothing about you. If the library system cannot be reached, it keeps only card and item numbers until they are sent, and then deletes them.</source>
        <translation>Kiosk niczego o tobie nie przechowuje. Gdy system biblioteki jest niedostępny, zapamiętuje tylko numery kart i egzemplarzy do czasu ich wysłania, a potem je usuwa.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your receipt shows only the last four digits of your card number. You can also choose no receipt.</source>
        <translation>Na potwierdzeniu są tylko cztery ostatnie cyfry numeru karty. Możesz też zrezygnować z potwierdzenia.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing is sent anywhere except to the library&apos;s own systems.</source>
        <translation>Nic nie jest wysyłane nigdzie poza własne systemy biblioteki.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The library&apos;s privacy statement</source>
        <translation>Polityka prywatności biblioteki</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <location filename="../qml/Kiosk/ReceiptScreen.qml" line="+24"/>
        <source>Would you like a receipt?</source>
        <translation>Czy chcesz potwierdzenie?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you borrowed today</source>
        <translation>Dziś wypożyczone</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>E-mail to %1</source>
        <translation>Wyślij e-mailem na %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No receipt, thanks</source>
        <translation>Bez potwierdzenia, dziękuję</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Printing…</source>
        <translation>Drukowanie…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Print a receipt</source>
        <translation>Drukuj potwierdzenie</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Done</source>
        <translation>Gotowe</translation>
    </message>
</context>
<context>
    <name>ReturnScreen</name>
    <message>
        <location filename="../qml/Kiosk/ReturnScreen.qml" line="+30"/>
        <source>Return items</source>
        <translation>Zwrot</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Put the items you bring back on the pad, or scan their barcodes.</source>
        <translation>Połóż zwracane egzemplarze na czytniku RFID albo zeskanuj ich kody kreskowe.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the barcode of each item you bring back.</source>
        <translation>Zeskanuj kod kreskowy każdego zwracanego egzemplarza.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Done</source>
        <translation>Gotowe</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Nothing returned yet.</source>
        <translation>Nic jeszcze nie zwrócono.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1 Bin: %2</source>
        <translation>%1 Pojemnik: %2</translation>
    </message>
</context>
<context>
    <name>SimulatorPanel</name>
    <message>
        <location filename="../qml/Kiosk/SimulatorPanel.qml" line="+31"/>
        <source>Simulator</source>
        <translation>Symulator</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Demo mode: these buttons play the card reader and the scanner.</source>
        <translation>Tryb demo: te przyciski udają czytnik kart i skaner.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Take the card away</source>
        <translation>Zabierz kartę</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Scan any code</source>
        <translation>Zeskanuj dowolny kod</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Card number or barcode</source>
        <translation>Numer karty lub kod kreskowy</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scan</source>
        <translation>Skanuj</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Library pass</source>
        <translation>Karta biblioteczna</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>RFID pad</source>
        <translation>Czytnik RFID</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Put 3 items on the pad</source>
        <translation>Połóż 3 egzemplarze na czytniku RFID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put 2 of a course&apos;s 3 discs on it</source>
        <translation>Połóż na nim 2 z 3 płyt kursu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the third disc</source>
        <translation>Dołóż trzecią płytę</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take everything off the pad</source>
        <translation>Zdejmij wszystko z czytnika RFID</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Scan an item</source>
        <translation>Zeskanuj egzemplarz</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Device faults</source>
        <translation>Awarie urządzeń</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Card reader unplugged</source>
        <translation>Czytnik kart odłączony</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanner unplugged</source>
        <translation>Skaner odłączony</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer out of paper</source>
        <translation>Brak papieru w drukarce</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer off-line</source>
        <translation>Drukarka offline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payments declined</source>
        <translation>Płatności odrzucane</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment terminal unplugged</source>
        <translation>Terminal płatniczy odłączony</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The printer printed</source>
        <translation>Wydruk</translation>
    </message>
</context>
<context>
    <name>StackCountDialog</name>
    <message>
        <location filename="../qml/Kiosk/StackCountDialog.qml" line="+38"/>
        <source>How many items did you put on the pad?</source>
        <translation>Ile egzemplarzy położono na czytniku RFID?</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>More than 10? Please put them on the pad in smaller stacks.</source>
        <translation>Więcej niż 10? Połóż je na czytniku RFID w mniejszych stosach.</translation>
    </message>
</context>
<context>
    <name>StaffPinScreen</name>
    <message>
        <location filename="../qml/Kiosk/StaffPinScreen.qml" line="+29"/>
        <source>Staff PIN</source>
        <translation>PIN personelu</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>For library staff: type the staff PIN to open maintenance mode.</source>
        <translation>Dla personelu biblioteki: wpisz PIN personelu, aby otworzyć tryb serwisowy.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message>
        <location filename="../qml/Kiosk/StaffScreen.qml" line="+72"/>
        <source>Maintenance</source>
        <translation>Tryb serwisowy</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Lock</source>
        <translation>Zablokuj</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Devices</source>
        <translation>Urządzenia</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Library system</source>
        <translation>System biblioteki</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Offline journal</source>
        <translation>Dziennik offline</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Dealt with</source>
        <translation>Załatwione</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Synchronise now</source>
        <translation>Synchronizuj teraz</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Today</source>
        <translation>Dzisiaj</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Service</source>
        <translation>Dostępność</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Message for members (optional)</source>
        <translation>Komunikat dla czytelników (opcjonalnie)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Out of service</source>
        <translation>Nieczynny</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Back in service</source>
        <translation>Znów czynny</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tests</source>
        <translation>Testy</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Test print</source>
        <translation>Wydruk testowy</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Test the card reader</source>
        <translation>Testuj czytnik kart</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Test the scanner</source>
        <translation>Testuj skaner</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The kiosk</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reload the settings</source>
        <translation>Wczytaj ponownie ustawienia</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tap again to restart</source>
        <translation>Dotknij jeszcze raz, aby uruchomić ponownie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restart</source>
        <translation>Uruchom ponownie</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save the diagnostics for support to:</source>
        <translation>Zapisz dane diagnostyczne dla pomocy technicznej na:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert a USB stick to save the diagnostics for support.</source>
        <translation>Włóż pamięć USB, aby zapisać dane diagnostyczne dla pomocy technicznej.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Recent events</source>
        <translation>Ostatnie zdarzenia</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="+27"/>
        <source>Done.</source>
        <translation>Gotowe.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renewed. Please check the new return date on your receipt or account.</source>
        <translation>Prolongowano. Nowy termin zwrotu sprawdzisz na potwierdzeniu lub na swoim koncie.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You already had this item; we renewed it for you.</source>
        <translation>Ten egzemplarz był już wypożyczony przez ciebie; prolongowaliśmy go.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Returned. Thank you! You can put it on the return shelf.</source>
        <translation>Zwrócono. Dziękujemy! Możesz odłożyć go na regał zwrotów.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Returned. Someone is waiting for this item: please put it on the hold shelf.</source>
        <translation>Zwrócono. Ktoś czeka na ten egzemplarz: odłóż go na półkę rezerwacji.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Returned. This item goes to another branch: please put it in the transit box.</source>
        <translation>Zwrócono. Ten egzemplarz jedzie do innej filii: włóż go do skrzynki transportowej.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That is not a card number we can read. Please check it and try again.</source>
        <translation>Nie możemy odczytać tego numeru karty. Sprawdź go i spróbuj ponownie.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>We do not know this card. Please ask at the desk.</source>
        <translation>Nie znamy tej karty. Zapytaj w punkcie obsługi.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That is an item. Please tap or scan your library pass first.</source>
        <translation>To jest egzemplarz. Najpierw przyłóż lub zeskanuj kartę biblioteczną.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please type your PIN.</source>
        <translation>Wpisz PIN.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That PIN is not right. Please try again; if you forgot it, please ask at the desk.</source>
        <translation>Nieprawidłowy PIN. Spróbuj ponownie; jeśli go nie pamiętasz, zapytaj w punkcie obsługi.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your card is locked at the kiosk after too many wrong PINs. Please ask at the desk.</source>
        <translation>Po zbyt wielu próbach z błędnym PIN-em twoja karta została zablokowana w kiosku. Zapytaj w punkcie obsługi.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your library pass has expired. Please renew it at the desk.</source>
        <translation>Twoja karta biblioteczna straciła ważność. Przedłuż ją w punkcie obsługi.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This card has been reported lost. Please ask at the desk.</source>
        <translation>Ta karta została zgłoszona jako zgubiona. Zapytaj w punkcie obsługi.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You cannot borrow right now because of open fees. Please pay them here or at the desk.</source>
        <translation>Nie możesz teraz wypożyczać z powodu nieopłaconych należności. Opłać je tutaj lub w punkcie obsługi.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You cannot borrow right now because some items are overdue. Please return them first.</source>
        <translation>Nie możesz teraz wypożyczać, bo masz egzemplarze po terminie. Najpierw je zwróć.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You cannot borrow at the kiosk right now. Please ask at the desk.</source>
        <translation>Nie możesz teraz wypożyczać w kiosku. Zapytaj w punkcie obsługi.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>We could not read that barcode. Please scan the item again.</source>
        <translation>Nie udało się odczytać kodu kreskowego. Zeskanuj egzemplarz jeszcze raz.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>We do not know this item. Please take it to the desk.</source>
        <translation>Nie znamy tego egzemplarza. Zanieś go do punktu obsługi.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item is still lent to someone else. Please take it to the desk.</source>
        <translation>Ten egzemplarz jest wciąż wypożyczony komuś innemu. Zanieś go do punktu obsługi.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item is reserved for someone else. Please take it to the desk.</source>
        <translation>Ten egzemplarz jest zarezerwowany dla kogoś innego. Zanieś go do punktu obsługi.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item can only be used in the library. Please put it back or ask at the desk.</source>
        <translation>Z tego egzemplarza można korzystać tylko na miejscu. Odłóż go albo zapytaj w punkcie obsługi.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This item has an age limit. Please ask at the desk.</source>
        <translation>Ten egzemplarz ma ograniczenie wiekowe. Zapytaj w punkcie obsługi.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item is on its way to another branch. Please take it to the desk.</source>
        <translation>Ten egzemplarz jest w drodze do innej filii. Zanieś go do punktu obsługi.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item cannot be borrowed right now. Please take it to the desk.</source>
        <translation>Tego egzemplarza nie można teraz wypożyczyć. Zanieś go do punktu obsługi.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You have reached the most items you can borrow. Please return an item first.</source>
        <translation>Osiągnięto limit wypożyczeń. Najpierw zwróć jakiś egzemplarz.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This item has a lending fee and was not checked out. Scan it again to decide.</source>
        <translation>Wypożyczenie tego egzemplarza jest płatne, więc jeszcze go nie wypożyczono. Zeskanuj go ponownie, aby zdecydować.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This item was not lent out. Please take it to the desk.</source>
        <translation>Ten egzemplarz nie był wypożyczony. Zanieś go do punktu obsługi.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please take this item to the desk.</source>
        <translation>Zanieś ten egzemplarz do punktu obsługi.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This item cannot be renewed again. Please return it by its due date.</source>
        <translation>Tego egzemplarza nie można już prolongować. Zwróć go w terminie.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Someone else is waiting for this item, so it cannot be renewed. Please return it by its due date.</source>
        <translation>Ktoś inny czeka na ten egzemplarz, więc nie można go prolongować. Zwróć go w terminie.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This item is not lent to you, so you cannot renew it. Please ask at the desk.</source>
        <translation>Ten egzemplarz nie jest wypożyczony przez ciebie, więc nie możesz go prolongować. Zapytaj w punkcie obsługi.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item cannot be renewed. Please return it by its due date.</source>
        <translation>Tego egzemplarza nie można prolongować. Zwróć go w terminie.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>We could not find this fee. Please ask at the desk.</source>
        <translation>Nie znaleźliśmy tej opłaty. Zapytaj w punkcie obsługi.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That amount cannot be paid here. Please choose another amount.</source>
        <translation>Tej kwoty nie można tu zapłacić. Wybierz inną kwotę.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thank you, your payment was received.</source>
        <translation>Dziękujemy, płatność została przyjęta.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thank you, your payment was received. Your account will show it a little later; you do not need to pay again.</source>
        <translation>Dziękujemy, płatność została przyjęta. Na twoim koncie pojawi się nieco później; nie musisz płacić ponownie.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your payment was received, but your account could not be updated. You do not need to pay again: please ask at the desk and mention reference %1.</source>
        <translation>Płatność została przyjęta, ale nie udało się zaktualizować twojego konta. Nie musisz płacić ponownie: zapytaj w punkcie obsługi i podaj numer referencyjny %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The payment was declined and nothing was charged. Try another card or pay at the desk.</source>
        <translation>Płatność została odrzucona i nic nie pobrano. Użyj innej karty albo zapłać w punkcie obsługi.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The payment was stopped and nothing was charged.</source>
        <translation>Płatność została przerwana i nic nie pobrano.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The payment terminal is not working right now and nothing was charged. Please pay at the desk.</source>
        <translation>Terminal płatniczy teraz nie działa i nic nie pobrano. Zapłać w punkcie obsługi.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>We cannot tell whether your payment went through. Please do not pay again: ask at the desk and mention reference %1.</source>
        <translation>Nie wiemy, czy płatność się powiodła. Nie płać ponownie: zapytaj w punkcie obsługi i podaj numer referencyjny %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paying is not possible here right now. Please pay at the desk.</source>
        <translation>Teraz nie można tu płacić. Zapłać w punkcie obsługi.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only %1 of the %2 parts of an item are on the pad. Please put all its parts on the pad.</source>
        <translation>Na czytniku RFID jest tylko %1 z %2 części egzemplarza. Połóż na czytniku RFID wszystkie jego części.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The tag of an item on the pad cannot be read. Please scan its barcode, or take it to the desk.</source>
        <translation>Nie można odczytać etykiety egzemplarza leżącego na czytniku RFID. Zeskanuj jego kod kreskowy albo zanieś go do punktu obsługi.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Please put the item marked below back on the pad for a moment, so that the gate lets it through.</source>
        <translation>Połóż na chwilę oznaczony poniżej egzemplarz z powrotem na czytniku RFID, aby bramka go przepuściła.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An item on the pad is already lent to you. To return it, tap Return items.</source>
        <translation>Jeden z egzemplarzy na czytniku RFID jest już wypożyczony przez ciebie. Aby go zwrócić, dotknij przycisku Zwrot.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>We find %1 of the %2 items you placed. Spread them out on the pad, or scan the barcode of the missing ones.</source>
        <translation>Wykrywamy %1 z %2 położonych egzemplarzy. Rozłóż je szerzej na czytniku RFID albo zeskanuj kody kreskowe brakujących.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The library system is not answering right now. Please try again in a moment or ask at the desk.</source>
        <translation>System biblioteki teraz nie odpowiada. Spróbuj za chwilę albo zapytaj w punkcie obsługi.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Something went wrong. Please try again or ask at the desk.</source>
        <translation>Coś poszło nie tak. Spróbuj ponownie albo zapytaj w punkcie obsługi.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Please take your receipt.</source>
        <translation>Odbierz potwierdzenie.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your receipt is on its way to your e-mail address.</source>
        <translation>Potwierdzenie jest wysyłane na twój adres e-mail.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The receipt could not be e-mailed. Your loans are saved: you see them here, and always in your account online.</source>
        <translation>Nie udało się wysłać potwierdzenia e-mailem. Twoje wypożyczenia są zapisane: widzisz je tutaj i zawsze na swoim koncie online.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The receipt printer is out of paper. Your loans are saved: you see them here, and always in your account online.</source>
        <translation>W drukarce skończył się papier. Twoje wypożyczenia są zapisane: widzisz je tutaj i zawsze na swoim koncie online.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The receipt printer is not working right now. Your loans are saved: you see them here, and always in your account online.</source>
        <translation>Drukarka potwierdzeń teraz nie działa. Twoje wypożyczenia są zapisane: widzisz je tutaj i zawsze na swoim koncie online.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The library system cannot be reached right now. You can still return items, and borrow up to %1 more: we record them and pass them on as soon as it is back.</source>
        <translation>System biblioteki jest teraz niedostępny. Nadal możesz zwracać egzemplarze i wypożyczyć jeszcze do %1: zapisujemy je i przekażemy, gdy tylko system znów będzie dostępny.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recorded. The library system will have it as soon as it is back; your account shows it then.</source>
        <translation>Zapisano. System biblioteki otrzyma to, gdy tylko znów będzie dostępny; wtedy zobaczysz to też na swoim koncie.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>While the library system cannot be reached, the kiosk lends only a few items per pass (at most %1). Please ask at the desk.</source>
        <translation>Dopóki system biblioteki jest niedostępny, kiosk wypożycza tylko kilka egzemplarzy na kartę (najwyżej %1). Zapytaj w punkcie obsługi.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This cannot be done while the library system cannot be reached. Please try again later or ask at the desk.</source>
        <translation>Nie da się tego zrobić, dopóki system biblioteki jest niedostępny. Spróbuj później albo zapytaj w punkcie obsługi.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The kiosk cannot record this right now. Please ask at the desk.</source>
        <translation>Kiosk nie może teraz tego zapisać. Zapytaj w punkcie obsługi.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>That staff PIN is not right. Please try again.</source>
        <translation>Nieprawidłowy PIN personelu. Spróbuj ponownie.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too many wrong staff PINs: PIN entry is locked for five minutes. Use a staff card.</source>
        <translation>Zbyt wiele błędnych PIN-ów personelu: wpisywanie PIN-u jest zablokowane na pięć minut. Użyj karty personelu.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The kiosk&apos;s settings need to be corrected by staff.</source>
        <translation>Ustawienia kiosku musi poprawić personel.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>That PIN is not right. Please try again. Attempts left before your card is locked: %n.</source>
        <translation>
            <numerusform>Nieprawidłowy PIN. Spróbuj ponownie. Została %n próba, potem karta zostanie zablokowana.</numerusform>
            <numerusform>Nieprawidłowy PIN. Spróbuj ponownie. Zostały %n próby, potem karta zostanie zablokowana.</numerusform>
            <numerusform>Nieprawidłowy PIN. Spróbuj ponownie. Zostało %n prób, potem karta zostanie zablokowana.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checked out. Please return it by %1.</source>
        <translation>Wypożyczono. Zwróć do %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renewed: now due on %1.</source>
        <translation>Prolongowano: nowy termin zwrotu %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Checked out. This item has %n parts: please check that they are all in the box. Please return it by %1.</source>
        <translation>
            <numerusform>Wypożyczono. Ten egzemplarz składa się z %n części: sprawdź, czy wszystko jest w pudełku. Zwróć do %1.</numerusform>
            <numerusform>Wypożyczono. Ten egzemplarz składa się z %n części: sprawdź, czy wszystkie są w pudełku. Zwróć do %1.</numerusform>
            <numerusform>Wypożyczono. Ten egzemplarz składa się z %n części: sprawdź, czy wszystkie są w pudełku. Zwróć do %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Loan receipt</source>
        <translation>Potwierdzenie wypożyczenia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return receipt</source>
        <translation>Potwierdzenie zwrotu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card</source>
        <translation>Karta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Borrowed</source>
        <translation>Wypożyczone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>due</source>
        <translation>zwrot do</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not borrowed</source>
        <translation>Niewypożyczone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fee</source>
        <translation>Opłata</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your account online</source>
        <translation>Twoje konto online</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned</source>
        <translation>Zwrócone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parts</source>
        <translation>Części</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renewed</source>
        <translation>Prolongowane</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HOLD</source>
        <translation>REZERWACJA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TRANSIT</source>
        <translation>TRANSPORT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>Do</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bin</source>
        <translation>Pojemnik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>Zapłacone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>Razem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>Numer referencyjny</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid; your account will show it later</source>
        <translation>Zapłacono; pojawi się na twoim koncie później</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid; the desk will book it</source>
        <translation>Zapłacono; punkt obsługi to zaksięguje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not known whether this was paid: ask at the desk</source>
        <translation>Nie wiadomo, czy to zostało zapłacone: zapytaj w punkcie obsługi</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Ready for you at %1.</source>
        <translation>Czeka na ciebie w: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready for you at %1, until %2.</source>
        <translation>Czeka na ciebie w: %1, do %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting: number %1 in the queue, for %2.</source>
        <translation>Oczekuje: jesteś %1. w kolejce, odbiór w: %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting, for %1.</source>
        <translation>Oczekuje, odbiór w: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On its way to %1.</source>
        <translation>W drodze do: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family member</source>
        <translation>Członek rodziny</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the slip from the printer and put it in the item.</source>
        <translation>Weź kartkę z drukarki i włóż ją do egzemplarza.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put it back on the pad for a moment: its security tag was not switched yet.</source>
        <translation>Połóż go na chwilę z powrotem na czytniku RFID: jego zabezpieczenie nie zostało jeszcze przełączone.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Late fee</source>
        <translation>Opłata za przetrzymanie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rental fee</source>
        <translation>Opłata za wypożyczenie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold fee</source>
        <translation>Opłata za rezerwację</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost item</source>
        <translation>Zgubiony egzemplarz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Damaged item</source>
        <translation>Uszkodzony egzemplarz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing part</source>
        <translation>Brakująca część</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Library pass</source>
        <translation>Karta biblioteczna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other costs</source>
        <translation>Inne opłaty</translation>
    </message>
</context>
<context>
    <name>staff</name>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="+53"/>
        <source>Card reader</source>
        <extracomment>milliseconds between two looks at the kiosk&apos;s state while the staff screen is open</extracomment>
        <translation>Czytnik kart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanner</source>
        <translation>Skaner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt printer</source>
        <translation>Drukarka potwierdzeń</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment terminal</source>
        <translation>Terminal płatniczy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RFID pad</source>
        <translation>Czytnik RFID</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Working</source>
        <translation>Działa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs attention</source>
        <translation>Wymaga uwagi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not working</source>
        <translation>Nie działa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sessions</source>
        <translation>Sesje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items lent</source>
        <translation>Wypożyczone egzemplarze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items returned</source>
        <translation>Zwrócone egzemplarze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items renewed</source>
        <translation>Prolongowane egzemplarze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipts printed</source>
        <translation>Wydrukowane potwierdzenia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipts e-mailed</source>
        <translation>Potwierdzenia wysłane e-mailem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipts not printed</source>
        <translation>Niewydrukowane potwierdzenia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payments</source>
        <translation>Płatności</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loan</source>
        <translation>Wypożyczenie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return</source>
        <translation>Zwrot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid at the terminal, refused by the library system: book or refund</source>
        <translation>Zapłacono w terminalu, system biblioteki odrzucił: zaksięguj albo zwróć pieniądze</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paid at the terminal, not booked: book it by hand</source>
        <translation>Zapłacono w terminalu, nie zaksięgowano: zaksięguj ręcznie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payment outcome unknown: check the terminal&apos;s journal</source>
        <translation>Nieznany wynik płatności: sprawdź dziennik terminala</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>done</source>
        <translation>gotowe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>card taken away</source>
        <translation>zabrano kartę</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>timed out</source>
        <translation>upłynął czas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>anulowano</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>card refused</source>
        <translation>odrzucono kartę</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>out of service</source>
        <translation>nieczynny</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The test page was printed.</source>
        <translation>Strona testowa została wydrukowana.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The test page was not printed: %1</source>
        <translation>Strona testowa nie została wydrukowana: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This kiosk has no receipt printer.</source>
        <translation>Ten kiosk nie ma drukarki potwierdzeń.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synchronised: %1 sent, %2 refused by the library system.</source>
        <translation>Zsynchronizowano: wysłano %1, system biblioteki odrzucił %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The library system cannot be reached: %3 still waiting (%1 sent).</source>
        <translation>System biblioteki jest niedostępny: %3 nadal w kolejce (wysłano %1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Synchronising failed: %1</source>
        <translation>Synchronizacja nie powiodła się: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>Offline working is not switched on.</source>
        <translation>Praca offline nie jest włączona.</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>The kiosk is out of service once you lock this screen.</source>
        <translation>Kiosk będzie nieczynny, gdy zablokujesz ten ekran.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The kiosk is in service again once you lock this screen.</source>
        <translation>Kiosk znów będzie czynny, gdy zablokujesz ten ekran.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The settings file has an error; the kiosk keeps the settings it has: %1</source>
        <translation>Plik ustawień zawiera błąd; kiosk zachowuje dotychczasowe ustawienia: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restarting...</source>
        <translation>Ponowne uruchamianie…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This kiosk cannot restart itself.</source>
        <translation>Ten kiosk nie może sam uruchomić się ponownie.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The diagnostics were saved as %1</source>
        <translation>Dane diagnostyczne zapisano jako %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The diagnostics were not saved: %1</source>
        <translation>Nie zapisano danych diagnostycznych: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marked as dealt with.</source>
        <translation>Oznaczono jako załatwione.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That did not work: %1</source>
        <translation>To się nie udało: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reachable; the last answer took %1 ms.</source>
        <translation>Dostępny; ostatnia odpowiedź trwała %1 ms.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot be reached.</source>
        <translation>Niedostępny.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not asked yet.</source>
        <translation>Jeszcze nie sprawdzono.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The kiosk works offline and records what it does.</source>
        <translation>Kiosk działa offline i zapisuje, co robi.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 transactions waiting to be sent, %2 refused.</source>
        <translation>Transakcje oczekujące na wysłanie: %1, odrzucone: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The offline journal cannot be read.</source>
        <translation>Nie można odczytać dziennika offline.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last synchronised at %1: %2</source>
        <translation>Ostatnia synchronizacja o %1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In service.</source>
        <translation>Czynny.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out of service, set by staff: %1</source>
        <translation>Nieczynny (ustawił personel): %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out of service by itself: %1</source>
        <translation>Nieczynny (automatycznie): %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold a card against the reader.</source>
        <translation>Przyłóż kartę do czytnika.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan a barcode.</source>
        <translation>Zeskanuj kod kreskowy.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was read in 20 seconds. Check the cable and the device&apos;s light.</source>
        <translation>Przez 20 sekund nic nie odczytano. Sprawdź kabel i lampkę urządzenia.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read by the card reader</source>
        <translation>Odczytane przez czytnik kart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read by the scanner</source>
        <translation>Odczytane przez skaner</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a pass ending in %1 (%2 characters)</source>
        <translation>karta kończąca się na %1 (znaków: %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the item barcode %1 (%2 characters)</source>
        <translation>kod kreskowy egzemplarza %1 (znaków: %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a code this library does not use, ending in %1 (%2 characters)</source>
        <translation>kod nieużywany przez tę bibliotekę, kończący się na %1 (znaków: %2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a code ending in %1 (%2 characters)</source>
        <translation>kod kończący się na %1 (znaków: %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Session ended (%1): %2 lent, %3 returned, %4 renewed</source>
        <translation>Koniec sesji (%1): wypożyczono %2, zwrócono %3, prolongowano %4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 %3</source>
        <translation>%1: %2 %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The library system cannot be reached</source>
        <translation>System biblioteki jest niedostępny</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The library system can be reached again</source>
        <translation>System biblioteki jest znowu dostępny</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff (%1): %2 %3</source>
        <translation>Personel (%1): %2 %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment %1 of %2: %3</source>
        <translation>Płatność %1 na kwotę %2: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>paid and booked</source>
        <translation>zapłacona i zaksięgowana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paid, to be booked when the system answers</source>
        <translation>zapłacona, zostanie zaksięgowana, gdy system odpowie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paid, not booked: see the list below</source>
        <translation>zapłacona, niezaksięgowana: zobacz listę poniżej</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>declined</source>
        <translation>odrzucona</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped by the member</source>
        <translation>przerwana przez czytelnika</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the terminal did not work</source>
        <translation>terminal nie zadziałał</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outcome unknown: see the list below</source>
        <translation>wynik nieznany: zobacz listę poniżej</translation>
    </message>
</context>
</TS>
