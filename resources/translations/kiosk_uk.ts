<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA" sourcelanguage="en">
<context>
    <name>AccessibilityToggles</name>
    <message>
        <location filename="../qml/Kiosk/AccessibilityToggles.qml" line="+26"/>
        <source>Larger text</source>
        <translation>Більший текст</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>High contrast</source>
        <translation>Висока контрастність</translation>
    </message>
</context>
<context>
    <name>BusyOverlay</name>
    <message>
        <location filename="../qml/Kiosk/BusyOverlay.qml" line="+41"/>
        <source>One moment, please…</source>
        <translation>Зачекайте хвилинку…</translation>
    </message>
</context>
<context>
    <name>CardEntryScreen</name>
    <message>
        <location filename="../qml/Kiosk/CardEntryScreen.qml" line="+28"/>
        <source>Type your card number</source>
        <translation>Введіть номер картки</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>You find it under the barcode on your library pass.</source>
        <translation>Його надруковано під штрихкодом на вашій бібліотечній картці.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
</context>
<context>
    <name>ConfirmFeeScreen</name>
    <message>
        <location filename="../qml/Kiosk/ConfirmFeeScreen.qml" line="+35"/>
        <source>This item costs %1 to borrow.</source>
        <translation>Видача цього примірника коштує %1.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Do you want to borrow it? The fee is added to your account.</source>
        <translation>Бажаєте його взяти? Плату буде додано до вашого рахунку.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No, thank you</source>
        <translation>Ні, дякую</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Yes, borrow it</source>
        <translation>Так, взяти</translation>
    </message>
</context>
<context>
    <name>CountdownOverlay</name>
    <message>
        <location filename="../qml/Kiosk/CountdownOverlay.qml" line="+35"/>
        <source>Are you still there?</source>
        <translation>Ви ще тут?</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>For your privacy we end your session in %n seconds.</source>
        <translation>
            <numerusform>Задля вашої приватності сеанс завершиться через %n секунду.</numerusform>
            <numerusform>Задля вашої приватності сеанс завершиться через %n секунди.</numerusform>
            <numerusform>Задля вашої приватності сеанс завершиться через %n секунд.</numerusform>
        </translation>
    </message>
    <message>
        <source>For your privacy we end your session in %1 seconds.</source>
        <translation type="vanished">Задля вашої приватності сеанс завершиться через %1 с.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>I am still here</source>
        <translation>Я ще тут</translation>
    </message>
</context>
<context>
    <name>GoodbyeScreen</name>
    <message>
        <location filename="../qml/Kiosk/GoodbyeScreen.qml" line="+22"/>
        <source>Thank you, see you soon!</source>
        <translation>Дякуємо, до зустрічі!</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Do not forget to take your library pass.</source>
        <translation>Не забудьте забрати бібліотечну картку.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Start again</source>
        <translation>Почати знову</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../qml/Kiosk/HomeScreen.qml" line="+37"/>
        <source>Hello, %1</source>
        <translation>Вітаємо, %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hello</source>
        <translation>Вітаємо</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Put the items you want to borrow on the pad, or scan their barcodes.</source>
        <translation>Покладіть примірники, які хочете взяти, на RFID-зчитувач або відскануйте їхні штрихкоди.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the barcode of each item you want to borrow.</source>
        <translation>Відскануйте штрихкод кожного примірника, який хочете взяти.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Return items</source>
        <translation>Повернути</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Loans (%1)</source>
        <translation>На руках (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holds (%1)</source>
        <translation>Бронювання (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fees %1</source>
        <translation>До сплати %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family (%1)</source>
        <translation>Родина (%1)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Titles are hidden for your privacy. Tap to show them.</source>
        <translation>Назви приховано задля вашої приватності. Торкніться, щоб показати.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>You have nothing on loan right now.</source>
        <translation>Зараз у вас нічого немає на руках.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Renew all</source>
        <translation>Продовжити всі</translation>
    </message>
    <message>
        <location line="+44"/>
        <location line="+77"/>
        <location line="+123"/>
        <source>Title hidden</source>
        <translation>Назву приховано</translation>
    </message>
    <message>
        <location line="-186"/>
        <source>Overdue: it was due on %1</source>
        <translation>Прострочено: треба було повернути %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due on %1</source>
        <translation>Повернути до %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Renew</source>
        <translation>Продовжити</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>Pay %1</source>
        <translation>Сплатити %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick the fees you want to pay</source>
        <translation>Позначте платежі, які хочете сплатити</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You can pay at the desk.</source>
        <translation>Оплатити можна в бібліотекаря.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 · due on %2</source>
        <translation>%1 · повернути до %2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Borrowed now</source>
        <translation>Щойно видано</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scan an item to borrow it.</source>
        <translation>Відскануйте примірник, щоб його взяти.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>No barcode scanner? Type the number</source>
        <translation>Немає сканера? Введіть номер</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Type the number under the barcode</source>
        <translation>Введіть номер під штрихкодом</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Add</source>
        <translation>Додати</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
</context>
<context>
    <name>IdentifyingScreen</name>
    <message>
        <location filename="../qml/Kiosk/IdentifyingScreen.qml" line="+31"/>
        <source>One moment, please. We are checking your card.</source>
        <translation>Зачекайте хвилинку. Ми перевіряємо вашу картку.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
</context>
<context>
    <name>IdleScreen</name>
    <message>
        <location filename="../qml/Kiosk/IdleScreen.qml" line="+41"/>
        <source>Tap your library pass</source>
        <translation>Прикладіть бібліотечну картку</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Hold it against the reader, or scan the barcode on the back.</source>
        <translation>Прикладіть її до зчитувача або відскануйте штрихкод на звороті.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Type your card number</source>
        <translation>Введіть номер картки</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Return items</source>
        <translation>Повернути</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Privacy</source>
        <translation>Приватність</translation>
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
        <translation>Стерти</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="+22"/>
        <source>Library Kiosk</source>
        <translation>Бібліотечний кіоск</translation>
    </message>
</context>
<context>
    <name>OutOfServiceScreen</name>
    <message>
        <location filename="../qml/Kiosk/OutOfServiceScreen.qml" line="+21"/>
        <source>This kiosk is out of service</source>
        <translation>Цей кіоск не працює</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sorry for the trouble. Please ask at the desk.</source>
        <translation>Перепрошуємо за незручності. Зверніться до бібліотекаря.</translation>
    </message>
</context>
<context>
    <name>PaymentScreen</name>
    <message>
        <location filename="../qml/Kiosk/PaymentScreen.qml" line="+27"/>
        <source>Pay %1 at the payment terminal</source>
        <translation>Сплатіть %1 на платіжному терміналі</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You are about to pay %1</source>
        <translation>Ви збираєтеся сплатити %1</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Follow the instructions on the payment terminal. To stop, press Stop on the terminal.</source>
        <translation>Дотримуйтеся вказівок на платіжному терміналі. Щоб зупинити оплату, натисніть Stop на терміналі.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You pay with your bank card at the payment terminal. It only receives the amount, nothing about you.</source>
        <translation>Ви платите банківською карткою на платіжному терміналі. Він отримує лише суму, нічого про вас.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pay %1</source>
        <translation>Сплатити %1</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <location filename="../qml/Kiosk/PinScreen.qml" line="+29"/>
        <source>Type your PIN</source>
        <translation>Введіть PIN-код</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cover the keypad with your hand.</source>
        <translation>Прикрийте клавіатуру рукою.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <location filename="../qml/Kiosk/PrivacyPage.qml" line="+36"/>
        <source>Your privacy at this kiosk</source>
        <translation>Ваша приватність у цьому кіоску</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The kiosk uses your library pass only to lend, return and renew, and to show your account while you are here.</source>
        <translation>Кіоск використовує вашу бібліотечну картку лише для видачі, повернення й продовження, а також щоб показати ваш рахунок, поки ви тут.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It shows your first name, never your address, phone number, e-mail address or full card number. Your PIN is never shown.</source>
        <translation>Він показує ваше ім’я, але ніколи — адресу, номер телефону, електронну пошту чи повний номер картки. Ваш PIN-код ніколи не відображається.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When you are done, take your pass away, or stop touching the screen: the kiosk then forgets everything about you and shows the start screen.</source>
        <translation>Коли закінчите, заберіть картку або просто не торкайтеся екрана: кіоск забуде все про вас і покаже початковий екран.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The kiosk keeps nothing about you. If the library system cannot be reached, it keeps only card and item numbers until they are sent, and then deletes them.</source>
        <translation>Кіоск нічого про вас не зберігає. Якщо бібліотечна система недоступна, він зберігає лише номери карток і примірників, доки їх не буде надіслано, а потім видаляє.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your receipt shows only the last four digits of your card number. You can also choose no receipt.</source>
        <translation>На чеку видно лише чотири останні цифри номера картки. Ви можете й відмовитися від чека.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing is sent anywhere except to the library&apos;s own systems.</source>
        <translation>Нічого не надсилається нікуди, крім власних систем бібліотеки.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The library&apos;s privacy statement</source>
        <translation>Політика приватності бібліотеки</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <location filename="../qml/Kiosk/ReceiptScreen.qml" line="+24"/>
        <source>Would you like a receipt?</source>
        <translation>Бажаєте чек?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you borrowed today</source>
        <translation>Видано сьогодні</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>E-mail to %1</source>
        <translation>Надіслати на %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No receipt, thanks</source>
        <translation>Без чека, дякую</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Printing…</source>
        <translation>Друк…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Print a receipt</source>
        <translation>Надрукувати чек</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
</context>
<context>
    <name>ReturnScreen</name>
    <message>
        <location filename="../qml/Kiosk/ReturnScreen.qml" line="+30"/>
        <source>Return items</source>
        <translation>Повернути</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Put the items you bring back on the pad, or scan their barcodes.</source>
        <translation>Покладіть примірники, які повертаєте, на RFID-зчитувач або відскануйте їхні штрихкоди.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the barcode of each item you bring back.</source>
        <translation>Відскануйте штрихкод кожного примірника, який повертаєте.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Nothing returned yet.</source>
        <translation>Ще нічого не повернуто.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1 Bin: %2</source>
        <translation>%1 Ящик: %2</translation>
    </message>
</context>
<context>
    <name>SimulatorPanel</name>
    <message>
        <location filename="../qml/Kiosk/SimulatorPanel.qml" line="+31"/>
        <source>Simulator</source>
        <translation>Симулятор</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Demo mode: these buttons play the card reader and the scanner.</source>
        <translation>Демо-режим: ці кнопки замінюють зчитувач карток і сканер.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Take the card away</source>
        <translation>Забрати картку</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Scan any code</source>
        <translation>Сканувати будь-який код</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Card number or barcode</source>
        <translation>Номер картки або штрихкод</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scan</source>
        <translation>Сканувати</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Library pass</source>
        <translation>Бібліотечна картка</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>RFID pad</source>
        <translation>RFID-зчитувач</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Put 3 items on the pad</source>
        <translation>Покласти 3 примірники на RFID-зчитувач</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put 2 of a course&apos;s 3 discs on it</source>
        <translation>Покласти на нього 2 з 3 дисків курсу</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the third disc</source>
        <translation>Додати третій диск</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take everything off the pad</source>
        <translation>Зняти все з RFID-зчитувача</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Scan an item</source>
        <translation>Сканувати примірник</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Device faults</source>
        <translation>Несправності пристроїв</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Card reader unplugged</source>
        <translation>Зчитувач карток від’єднано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanner unplugged</source>
        <translation>Сканер від’єднано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer out of paper</source>
        <translation>У принтері немає паперу</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer off-line</source>
        <translation>Принтер не в мережі</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payments declined</source>
        <translation>Платежі відхиляються</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment terminal unplugged</source>
        <translation>Платіжний термінал від’єднано</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The printer printed</source>
        <translation>Роздруківка</translation>
    </message>
</context>
<context>
    <name>StackCountDialog</name>
    <message>
        <location filename="../qml/Kiosk/StackCountDialog.qml" line="+38"/>
        <source>How many items did you put on the pad?</source>
        <translation>Скільки примірників ви поклали на RFID-зчитувач?</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>More than 10? Please put them on the pad in smaller stacks.</source>
        <translation>Понад 10? Покладіть їх на RFID-зчитувач меншими стосами.</translation>
    </message>
</context>
<context>
    <name>StaffPinScreen</name>
    <message>
        <location filename="../qml/Kiosk/StaffPinScreen.qml" line="+29"/>
        <source>Staff PIN</source>
        <translation>PIN-код персоналу</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>For library staff: type the staff PIN to open maintenance mode.</source>
        <translation>Для працівників бібліотеки: введіть PIN-код персоналу, щоб відкрити режим обслуговування.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message>
        <location filename="../qml/Kiosk/StaffScreen.qml" line="+72"/>
        <source>Maintenance</source>
        <translation>Обслуговування</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Lock</source>
        <translation>Заблокувати</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Devices</source>
        <translation>Пристрої</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Library system</source>
        <translation>Бібліотечна система</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Offline journal</source>
        <translation>Офлайн-журнал</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Dealt with</source>
        <translation>Опрацьовано</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Synchronise now</source>
        <translation>Синхронізувати зараз</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Today</source>
        <translation>Сьогодні</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Service</source>
        <translation>Робота кіоску</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Message for members (optional)</source>
        <translation>Повідомлення для читачів (необов’язково)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Out of service</source>
        <translation>Не працює</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Back in service</source>
        <translation>Знову працює</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tests</source>
        <translation>Тести</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Test print</source>
        <translation>Тестовий друк</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Test the card reader</source>
        <translation>Перевірити зчитувач карток</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Test the scanner</source>
        <translation>Перевірити сканер</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The kiosk</source>
        <translation>Кіоск</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reload the settings</source>
        <translation>Перезавантажити налаштування</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tap again to restart</source>
        <translation>Торкніться ще раз, щоб перезапустити</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restart</source>
        <translation>Перезапустити</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save the diagnostics for support to:</source>
        <translation>Зберегти діагностичні дані для служби підтримки на:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert a USB stick to save the diagnostics for support.</source>
        <translation>Вставте USB-накопичувач, щоб зберегти діагностичні дані для служби підтримки.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Recent events</source>
        <translation>Останні події</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="+27"/>
        <source>Done.</source>
        <translation>Готово.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renewed. Please check the new return date on your receipt or account.</source>
        <translation>Продовжено. Нову дату повернення дивіться на чеку або у своєму обліковому записі.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You already had this item; we renewed it for you.</source>
        <translation>Цей примірник уже був у вас; ми продовжили його для вас.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Returned. Thank you! You can put it on the return shelf.</source>
        <translation>Повернуто. Дякуємо! Покладіть його на полицю для повернень.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Returned. Someone is waiting for this item: please put it on the hold shelf.</source>
        <translation>Повернуто. Цей примірник хтось чекає: покладіть його на полицю бронювань.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Returned. This item goes to another branch: please put it in the transit box.</source>
        <translation>Повернуто. Цей примірник їде до іншої філії: покладіть його в ящик для пересилання.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That is not a card number we can read. Please check it and try again.</source>
        <translation>Ми не можемо прочитати цей номер картки. Перевірте його й спробуйте ще раз.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>We do not know this card. Please ask at the desk.</source>
        <translation>Ця картка нам невідома. Зверніться до бібліотекаря.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That is an item. Please tap or scan your library pass first.</source>
        <translation>Це примірник. Спочатку прикладіть або відскануйте бібліотечну картку.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please type your PIN.</source>
        <translation>Введіть, будь ласка, PIN-код.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That PIN is not right. Please try again; if you forgot it, please ask at the desk.</source>
        <translation>Неправильний PIN-код. Спробуйте ще раз; якщо ви його забули, зверніться до бібліотекаря.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your card is locked at the kiosk after too many wrong PINs. Please ask at the desk.</source>
        <translation>Через надто багато спроб із неправильним PIN-кодом вашу картку в кіоску заблоковано. Зверніться до бібліотекаря.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your library pass has expired. Please renew it at the desk.</source>
        <translation>Термін дії вашої бібліотечної картки закінчився. Поновіть її в бібліотекаря.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This card has been reported lost. Please ask at the desk.</source>
        <translation>Про втрату цієї картки повідомлено. Зверніться до бібліотекаря.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You cannot borrow right now because of open fees. Please pay them here or at the desk.</source>
        <translation>Зараз видача недоступна через неоплачені платежі. Оплатіть їх тут або в бібліотекаря.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You cannot borrow right now because some items are overdue. Please return them first.</source>
        <translation>Зараз видача недоступна, бо у вас є прострочені примірники. Спочатку поверніть їх.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You cannot borrow at the kiosk right now. Please ask at the desk.</source>
        <translation>Зараз видача в кіоску недоступна. Зверніться до бібліотекаря.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>We could not read that barcode. Please scan the item again.</source>
        <translation>Не вдалося прочитати цей штрихкод. Відскануйте примірник ще раз.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>We do not know this item. Please take it to the desk.</source>
        <translation>Цей примірник нам невідомий. Віднесіть його бібліотекарю.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item is still lent to someone else. Please take it to the desk.</source>
        <translation>Цей примірник досі видано іншій людині. Віднесіть його бібліотекарю.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item is reserved for someone else. Please take it to the desk.</source>
        <translation>Цей примірник заброньовано для іншої людини. Віднесіть його бібліотекарю.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item can only be used in the library. Please put it back or ask at the desk.</source>
        <translation>Цим примірником можна користуватися лише в бібліотеці. Поставте його на місце або зверніться до бібліотекаря.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This item has an age limit. Please ask at the desk.</source>
        <translation>Цей примірник має вікове обмеження. Зверніться до бібліотекаря.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item is on its way to another branch. Please take it to the desk.</source>
        <translation>Цей примірник прямує до іншої філії. Віднесіть його бібліотекарю.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item cannot be borrowed right now. Please take it to the desk.</source>
        <translation>Цей примірник зараз не можна взяти. Віднесіть його бібліотекарю.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You have reached the most items you can borrow. Please return an item first.</source>
        <translation>Ви досягли ліміту видачі. Спочатку поверніть якийсь примірник.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This item has a lending fee and was not checked out. Scan it again to decide.</source>
        <translation>Видача цього примірника платна, тому його ще не видано. Відскануйте його ще раз, щоб вирішити.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This item was not lent out. Please take it to the desk.</source>
        <translation>Цей примірник не був виданий. Віднесіть його бібліотекарю.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please take this item to the desk.</source>
        <translation>Віднесіть, будь ласка, цей примірник бібліотекарю.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This item cannot be renewed again. Please return it by its due date.</source>
        <translation>Цей примірник більше не можна продовжити. Поверніть його до кінця терміну.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Someone else is waiting for this item, so it cannot be renewed. Please return it by its due date.</source>
        <translation>Цей примірник чекає інша людина, тому його не можна продовжити. Поверніть його до кінця терміну.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This item is not lent to you, so you cannot renew it. Please ask at the desk.</source>
        <translation>Цей примірник видано не вам, тому ви не можете його продовжити. Зверніться до бібліотекаря.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item cannot be renewed. Please return it by its due date.</source>
        <translation>Цей примірник не можна продовжити. Поверніть його до кінця терміну.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>We could not find this fee. Please ask at the desk.</source>
        <translation>Ми не знайшли цього платежу. Зверніться до бібліотекаря.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That amount cannot be paid here. Please choose another amount.</source>
        <translation>Цю суму тут не можна сплатити. Виберіть іншу суму.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thank you, your payment was received.</source>
        <translation>Дякуємо, ваш платіж отримано.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thank you, your payment was received. Your account will show it a little later; you do not need to pay again.</source>
        <translation>Дякуємо, ваш платіж отримано. У вашому обліковому записі він з’явиться трохи згодом; платити ще раз не потрібно.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your payment was received, but your account could not be updated. You do not need to pay again: please ask at the desk and mention reference %1.</source>
        <translation>Ваш платіж отримано, але оновити ваш обліковий запис не вдалося. Платити ще раз не потрібно: зверніться до бібліотекаря й назвіть номер платежу %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The payment was declined and nothing was charged. Try another card or pay at the desk.</source>
        <translation>Платіж відхилено, кошти не списано. Спробуйте іншу картку або сплатіть у бібліотекаря.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The payment was stopped and nothing was charged.</source>
        <translation>Оплату зупинено, кошти не списано.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The payment terminal is not working right now and nothing was charged. Please pay at the desk.</source>
        <translation>Платіжний термінал зараз не працює, кошти не списано. Сплатіть, будь ласка, у бібліотекаря.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>We cannot tell whether your payment went through. Please do not pay again: ask at the desk and mention reference %1.</source>
        <translation>Ми не знаємо, чи пройшов ваш платіж. Не платіть ще раз: зверніться до бібліотекаря й назвіть номер платежу %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paying is not possible here right now. Please pay at the desk.</source>
        <translation>Оплата тут зараз неможлива. Сплатіть, будь ласка, у бібліотекаря.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only %1 of the %2 parts of an item are on the pad. Please put all its parts on the pad.</source>
        <translation>На RFID-зчитувачі лише %1 з %2 частин примірника. Покладіть на RFID-зчитувач усі його частини.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The tag of an item on the pad cannot be read. Please scan its barcode, or take it to the desk.</source>
        <translation>Не вдається прочитати мітку примірника на RFID-зчитувачі. Відскануйте його штрихкод або віднесіть його бібліотекарю.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Please put the item marked below back on the pad for a moment, so that the gate lets it through.</source>
        <translation>Покладіть, будь ласка, позначений нижче примірник ненадовго назад на RFID-зчитувач, щоб захисна рамка його пропустила.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An item on the pad is already lent to you. To return it, tap Return items.</source>
        <translation>Один із примірників на RFID-зчитувачі вже видано вам. Щоб повернути його, торкніться кнопки Повернути.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>We find %1 of the %2 items you placed. Spread them out on the pad, or scan the barcode of the missing ones.</source>
        <translation>Ми знаходимо %1 з %2 покладених примірників. Розкладіть їх просторіше на RFID-зчитувачі або відскануйте штрихкоди тих, яких бракує.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The library system is not answering right now. Please try again in a moment or ask at the desk.</source>
        <translation>Бібліотечна система зараз не відповідає. Спробуйте за хвилину або зверніться до бібліотекаря.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Something went wrong. Please try again or ask at the desk.</source>
        <translation>Щось пішло не так. Спробуйте ще раз або зверніться до бібліотекаря.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Please take your receipt.</source>
        <translation>Заберіть, будь ласка, чек.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your receipt is on its way to your e-mail address.</source>
        <translation>Чек надсилається на вашу електронну пошту.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The receipt could not be e-mailed. Your loans are saved: you see them here, and always in your account online.</source>
        <translation>Не вдалося надіслати чек електронною поштою. Видачу збережено: ви бачите її тут і завжди у своєму обліковому записі онлайн.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The receipt printer is out of paper. Your loans are saved: you see them here, and always in your account online.</source>
        <translation>У принтері чеків закінчився папір. Видачу збережено: ви бачите її тут і завжди у своєму обліковому записі онлайн.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The receipt printer is not working right now. Your loans are saved: you see them here, and always in your account online.</source>
        <translation>Принтер чеків зараз не працює. Видачу збережено: ви бачите її тут і завжди у своєму обліковому записі онлайн.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The library system cannot be reached right now. You can still return items, and borrow up to %1 more: we record them and pass them on as soon as it is back.</source>
        <translation>Бібліотечна система зараз недоступна. Ви все одно можете повертати примірники й узяти ще до %1: ми записуємо їх і передамо, щойно система знову буде доступна.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recorded. The library system will have it as soon as it is back; your account shows it then.</source>
        <translation>Записано. Бібліотечна система отримає це, щойно знову буде доступна; тоді ви побачите це й у своєму обліковому записі.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>While the library system cannot be reached, the kiosk lends only a few items per pass (at most %1). Please ask at the desk.</source>
        <translation>Поки бібліотечна система недоступна, кіоск видає лише кілька примірників на картку (не більше %1). Зверніться до бібліотекаря.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This cannot be done while the library system cannot be reached. Please try again later or ask at the desk.</source>
        <translation>Цього не можна зробити, поки бібліотечна система недоступна. Спробуйте пізніше або зверніться до бібліотекаря.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The kiosk cannot record this right now. Please ask at the desk.</source>
        <translation>Кіоск зараз не може це записати. Зверніться до бібліотекаря.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>That staff PIN is not right. Please try again.</source>
        <translation>Неправильний PIN-код персоналу. Спробуйте ще раз.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too many wrong staff PINs: PIN entry is locked for five minutes. Use a staff card.</source>
        <translation>Забагато неправильних PIN-кодів персоналу: введення PIN-коду заблоковано на п’ять хвилин. Скористайтеся карткою персоналу.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The kiosk&apos;s settings need to be corrected by staff.</source>
        <translation>Налаштування кіоску має виправити персонал бібліотеки.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>That PIN is not right. Please try again. Attempts left before your card is locked: %n.</source>
        <translation>
            <numerusform>Неправильний PIN-код. Спробуйте ще раз. Залишилася %n спроба, потім картку буде заблоковано.</numerusform>
            <numerusform>Неправильний PIN-код. Спробуйте ще раз. Залишилося %n спроби, потім картку буде заблоковано.</numerusform>
            <numerusform>Неправильний PIN-код. Спробуйте ще раз. Залишилося %n спроб, потім картку буде заблоковано.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checked out. Please return it by %1.</source>
        <translation>Видано. Поверніть до %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renewed: now due on %1.</source>
        <translation>Продовжено: тепер повернути до %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Checked out. This item has %n parts: please check that they are all in the box. Please return it by %1.</source>
        <translation>
            <numerusform>Видано. Цей примірник має %n частину: перевірте, чи все є в коробці. Поверніть до %1.</numerusform>
            <numerusform>Видано. Цей примірник має %n частини: перевірте, чи всі вони в коробці. Поверніть до %1.</numerusform>
            <numerusform>Видано. Цей примірник має %n частин: перевірте, чи всі вони в коробці. Поверніть до %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Loan receipt</source>
        <translation>Чек видачі</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return receipt</source>
        <translation>Чек повернення</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card</source>
        <translation>Картка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Borrowed</source>
        <translation>Видано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>due</source>
        <translation>повернути до</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not borrowed</source>
        <translation>Не видано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fee</source>
        <translation>Плата</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your account online</source>
        <translation>Ваш обліковий запис онлайн</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned</source>
        <translation>Повернуто</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parts</source>
        <translation>Частини</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renewed</source>
        <translation>Продовжено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HOLD</source>
        <translation>БРОНЮВАННЯ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TRANSIT</source>
        <translation>ПЕРЕСИЛАННЯ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>Куди</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bin</source>
        <translation>Ящик</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>Сплачено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>Разом</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>Номер платежу</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid; your account will show it later</source>
        <translation>Сплачено; з’явиться в обліковому записі пізніше</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid; the desk will book it</source>
        <translation>Сплачено; бібліотекар зарахує платіж</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not known whether this was paid: ask at the desk</source>
        <translation>Невідомо, чи це оплачено: запитайте у бібліотекаря</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Ready for you at %1.</source>
        <translation>Чекає на вас: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready for you at %1, until %2.</source>
        <translation>Чекає на вас: %1, до %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting: number %1 in the queue, for %2.</source>
        <translation>У черзі: ви %1-й, отримання: %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting, for %1.</source>
        <translation>У черзі, отримання: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On its way to %1.</source>
        <translation>Прямує до: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family member</source>
        <translation>Член родини</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the slip from the printer and put it in the item.</source>
        <translation>Візьміть квиток із принтера і вкладіть його в примірник.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put it back on the pad for a moment: its security tag was not switched yet.</source>
        <translation>Ненадовго покладіть його назад на RFID-зчитувач: його захисну мітку ще не перемкнено.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Late fee</source>
        <translation>Плата за прострочення</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rental fee</source>
        <translation>Плата за видачу</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold fee</source>
        <translation>Плата за бронювання</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost item</source>
        <translation>Втрачений примірник</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Damaged item</source>
        <translation>Пошкоджений примірник</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing part</source>
        <translation>Бракує частини</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Library pass</source>
        <translation>Бібліотечна картка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other costs</source>
        <translation>Інші платежі</translation>
    </message>
</context>
<context>
    <name>staff</name>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="+53"/>
        <source>Card reader</source>
        <extracomment>milliseconds between two looks at the kiosk&apos;s state while the staff screen is open</extracomment>
        <translation>Зчитувач карток</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanner</source>
        <translation>Сканер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt printer</source>
        <translation>Принтер чеків</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment terminal</source>
        <translation>Платіжний термінал</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RFID pad</source>
        <translation>RFID-зчитувач</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Working</source>
        <translation>Працює</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs attention</source>
        <translation>Потребує уваги</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not working</source>
        <translation>Не працює</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sessions</source>
        <translation>Сеанси</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items lent</source>
        <translation>Видано примірників</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items returned</source>
        <translation>Повернуто примірників</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items renewed</source>
        <translation>Продовжено примірників</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipts printed</source>
        <translation>Надруковано чеків</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipts e-mailed</source>
        <translation>Надіслано чеків електронною поштою</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipts not printed</source>
        <translation>Не надруковано чеків</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payments</source>
        <translation>Платежі</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loan</source>
        <translation>Видача</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return</source>
        <translation>Повернення</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid at the terminal, refused by the library system: book or refund</source>
        <translation>Сплачено на терміналі, бібліотечна система відхилила: зарахуйте або поверніть кошти</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paid at the terminal, not booked: book it by hand</source>
        <translation>Сплачено на терміналі, не зараховано: зарахуйте вручну</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payment outcome unknown: check the terminal&apos;s journal</source>
        <translation>Результат платежу невідомий: перевірте журнал термінала</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>done</source>
        <translation>готово</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>card taken away</source>
        <translation>картку забрано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>timed out</source>
        <translation>час вичерпано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>скасовано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>card refused</source>
        <translation>картку відхилено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>out of service</source>
        <translation>не працює</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The test page was printed.</source>
        <translation>Тестову сторінку надруковано.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The test page was not printed: %1</source>
        <translation>Тестову сторінку не надруковано: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This kiosk has no receipt printer.</source>
        <translation>Цей кіоск не має принтера чеків.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synchronised: %1 sent, %2 refused by the library system.</source>
        <translation>Синхронізовано: надіслано %1, бібліотечна система відхилила %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The library system cannot be reached: %3 still waiting (%1 sent).</source>
        <translation>Бібліотечна система недоступна: ще в черзі %3 (надіслано %1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Synchronising failed: %1</source>
        <translation>Не вдалося синхронізувати: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>Offline working is not switched on.</source>
        <translation>Роботу офлайн не ввімкнено.</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>The kiosk is out of service once you lock this screen.</source>
        <translation>Кіоск не працюватиме, щойно ви заблокуєте цей екран.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The kiosk is in service again once you lock this screen.</source>
        <translation>Кіоск знову працюватиме, щойно ви заблокуєте цей екран.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The settings file has an error; the kiosk keeps the settings it has: %1</source>
        <translation>У файлі налаштувань є помилка; кіоск зберігає поточні налаштування: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restarting...</source>
        <translation>Перезапуск…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This kiosk cannot restart itself.</source>
        <translation>Цей кіоск не може сам перезапуститися.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The diagnostics were saved as %1</source>
        <translation>Діагностичні дані збережено як %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The diagnostics were not saved: %1</source>
        <translation>Діагностичні дані не збережено: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marked as dealt with.</source>
        <translation>Позначено як опрацьоване.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That did not work: %1</source>
        <translation>Не вдалося: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reachable; the last answer took %1 ms.</source>
        <translation>Доступна; остання відповідь тривала %1 мс.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot be reached.</source>
        <translation>Недоступна.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not asked yet.</source>
        <translation>Ще не перевірено.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The kiosk works offline and records what it does.</source>
        <translation>Кіоск працює офлайн і записує свої дії.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 transactions waiting to be sent, %2 refused.</source>
        <translation>Транзакцій чекає на надсилання: %1, відхилено: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The offline journal cannot be read.</source>
        <translation>Не вдається прочитати офлайн-журнал.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last synchronised at %1: %2</source>
        <translation>Остання синхронізація о %1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In service.</source>
        <translation>Працює.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out of service, set by staff: %1</source>
        <translation>Не працює (вимкнено персоналом): %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out of service by itself: %1</source>
        <translation>Не працює (вимкнувся сам): %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold a card against the reader.</source>
        <translation>Прикладіть картку до зчитувача.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan a barcode.</source>
        <translation>Відскануйте штрихкод.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was read in 20 seconds. Check the cable and the device&apos;s light.</source>
        <translation>За 20 секунд нічого не прочитано. Перевірте кабель та індикатор пристрою.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read by the card reader</source>
        <translation>Прочитано зчитувачем карток</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read by the scanner</source>
        <translation>Прочитано сканером</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a pass ending in %1 (%2 characters)</source>
        <translation>картка із закінченням %1 (символів: %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the item barcode %1 (%2 characters)</source>
        <translation>штрихкод примірника %1 (символів: %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a code this library does not use, ending in %1 (%2 characters)</source>
        <translation>код, якого ця бібліотека не використовує, із закінченням %1 (символів: %2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a code ending in %1 (%2 characters)</source>
        <translation>код із закінченням %1 (символів: %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Session ended (%1): %2 lent, %3 returned, %4 renewed</source>
        <translation>Сеанс завершено (%1): видано %2, повернуто %3, продовжено %4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 %3</source>
        <translation>%1: %2 %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The library system cannot be reached</source>
        <translation>Бібліотечна система недоступна</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The library system can be reached again</source>
        <translation>Бібліотечна система знову доступна</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff (%1): %2 %3</source>
        <translation>Персонал (%1): %2 %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment %1 of %2: %3</source>
        <translation>Платіж %1 на суму %2: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>paid and booked</source>
        <translation>сплачено й зараховано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paid, to be booked when the system answers</source>
        <translation>сплачено, буде зараховано, коли система відповість</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paid, not booked: see the list below</source>
        <translation>сплачено, не зараховано: див. список нижче</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>declined</source>
        <translation>відхилено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped by the member</source>
        <translation>зупинено читачем</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the terminal did not work</source>
        <translation>термінал не спрацював</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outcome unknown: see the list below</source>
        <translation>результат невідомий: див. список нижче</translation>
    </message>
</context>
</TS>
