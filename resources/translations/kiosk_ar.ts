<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>AccessibilityToggles</name>
    <message>
        <location filename="../qml/Kiosk/AccessibilityToggles.qml" line="+26"/>
        <source>Larger text</source>
        <translation>خط أكبر</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>High contrast</source>
        <translation>تباين عالٍ</translation>
    </message>
</context>
<context>
    <name>BusyOverlay</name>
    <message>
        <location filename="../qml/Kiosk/BusyOverlay.qml" line="+41"/>
        <source>One moment, please…</source>
        <translation>لحظة من فضلك…</translation>
    </message>
</context>
<context>
    <name>CardEntryScreen</name>
    <message>
        <location filename="../qml/Kiosk/CardEntryScreen.qml" line="+28"/>
        <source>Type your card number</source>
        <translation>اكتب رقم بطاقتك</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>You find it under the barcode on your library pass.</source>
        <translation>تجده تحت الرمز الشريطي على بطاقة المكتبة.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>ConfirmFeeScreen</name>
    <message>
        <location filename="../qml/Kiosk/ConfirmFeeScreen.qml" line="+35"/>
        <source>This item costs %1 to borrow.</source>
        <translation>استعارة هذه المادة تكلّف %1.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Do you want to borrow it? The fee is added to your account.</source>
        <translation>هل تريد استعارتها؟ ستُضاف الرسوم إلى حسابك.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No, thank you</source>
        <translation>لا، شكرًا</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Yes, borrow it</source>
        <translation>نعم، أريد استعارتها</translation>
    </message>
</context>
<context>
    <name>CountdownOverlay</name>
    <message>
        <location filename="../qml/Kiosk/CountdownOverlay.qml" line="+35"/>
        <source>Are you still there?</source>
        <translation>هل ما زلت هنا؟</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>For your privacy we end your session in %n seconds.</source>
        <translation>
            <numerusform>حفاظًا على خصوصيتك سننهي جلستك خلال %n ثانية.</numerusform>
            <numerusform>حفاظًا على خصوصيتك سننهي جلستك خلال %n ثانية.</numerusform>
            <numerusform>حفاظًا على خصوصيتك سننهي جلستك خلال %n ثانيتين.</numerusform>
            <numerusform>حفاظًا على خصوصيتك سننهي جلستك خلال %n ثوانٍ.</numerusform>
            <numerusform>حفاظًا على خصوصيتك سننهي جلستك خلال %n ثانية.</numerusform>
            <numerusform>حفاظًا على خصوصيتك سننهي جلستك خلال %n ثانية.</numerusform>
        </translation>
    </message>
    <message>
        <source>For your privacy we end your session in %1 seconds.</source>
        <translation type="vanished">حفاظًا على خصوصيتك سننهي جلستك خلال %1 ثانية.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>I am still here</source>
        <translation>ما زلت هنا</translation>
    </message>
</context>
<context>
    <name>GoodbyeScreen</name>
    <message>
        <location filename="../qml/Kiosk/GoodbyeScreen.qml" line="+22"/>
        <source>Thank you, see you soon!</source>
        <translation>شكرًا لك، نراك قريبًا!</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Do not forget to take your library pass.</source>
        <translation>لا تنسَ أخذ بطاقة المكتبة.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Start again</source>
        <translation>البدء من جديد</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../qml/Kiosk/HomeScreen.qml" line="+37"/>
        <source>Hello, %1</source>
        <translation>مرحبًا %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hello</source>
        <translation>مرحبًا</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Put the items you want to borrow on the pad, or scan their barcodes.</source>
        <translation>ضع المواد التي تريد استعارتها على لوحة RFID، أو امسح رموزها الشريطية.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the barcode of each item you want to borrow.</source>
        <translation>امسح الرمز الشريطي لكل مادة تريد استعارتها.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Return items</source>
        <translation>إرجاع المواد</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Done</source>
        <translation>إنهاء</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Loans (%1)</source>
        <translation>الاستعارات (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holds (%1)</source>
        <translation>الحجوزات (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fees %1</source>
        <translation>الرسوم %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family (%1)</source>
        <translation>العائلة (%1)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Titles are hidden for your privacy. Tap to show them.</source>
        <translation>العناوين مخفية حفاظًا على خصوصيتك. انقر لإظهارها.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>You have nothing on loan right now.</source>
        <translation>ليس لديك أي استعارة حاليًا.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Renew all</source>
        <translation>تجديد الكل</translation>
    </message>
    <message>
        <location line="+44"/>
        <location line="+77"/>
        <location line="+123"/>
        <source>Title hidden</source>
        <translation>العنوان مخفي</translation>
    </message>
    <message>
        <location line="-186"/>
        <source>Overdue: it was due on %1</source>
        <translation>متأخرة: كان موعد إرجاعها %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due on %1</source>
        <translation>موعد الإرجاع: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Renew</source>
        <translation>تجديد</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>Pay %1</source>
        <translation>ادفع %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick the fees you want to pay</source>
        <translation>حدّد الرسوم التي تريد دفعها</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You can pay at the desk.</source>
        <translation>يمكنك الدفع في مكتب الخدمة.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 · due on %2</source>
        <translation>%1 · موعد الإرجاع: %2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Borrowed now</source>
        <translation>ما استعرته الآن</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scan an item to borrow it.</source>
        <translation>امسح مادة لاستعارتها.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>No barcode scanner? Type the number</source>
        <translation>لا يوجد ماسح ضوئي؟ اكتب الرقم</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Type the number under the barcode</source>
        <translation>اكتب الرقم الموجود تحت الرمز الشريطي</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>IdentifyingScreen</name>
    <message>
        <location filename="../qml/Kiosk/IdentifyingScreen.qml" line="+31"/>
        <source>One moment, please. We are checking your card.</source>
        <translation>لحظة من فضلك. نتحقق من بطاقتك.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>IdleScreen</name>
    <message>
        <location filename="../qml/Kiosk/IdleScreen.qml" line="+41"/>
        <source>Tap your library pass</source>
        <translation>مرّر بطاقة المكتبة</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Hold it against the reader, or scan the barcode on the back.</source>
        <translation>قرّبها من القارئ، أو امسح الرمز الشريطي الموجود على ظهرها.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Type your card number</source>
        <translation>اكتب رقم بطاقتك</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Return items</source>
        <translation>إرجاع المواد</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Privacy</source>
        <translation>الخصوصية</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../qml/Kiosk/Keypad.qml" line="+10"/>
        <source>OK</source>
        <translation>موافق</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Erase</source>
        <translation>مسح</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="+22"/>
        <source>Library Kiosk</source>
        <translation>كشك المكتبة</translation>
    </message>
</context>
<context>
    <name>OutOfServiceScreen</name>
    <message>
        <location filename="../qml/Kiosk/OutOfServiceScreen.qml" line="+21"/>
        <source>This kiosk is out of service</source>
        <translation>هذا الكشك خارج الخدمة</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sorry for the trouble. Please ask at the desk.</source>
        <translation>نعتذر عن الإزعاج. يرجى السؤال في مكتب الخدمة.</translation>
    </message>
</context>
<context>
    <name>PaymentScreen</name>
    <message>
        <location filename="../qml/Kiosk/PaymentScreen.qml" line="+27"/>
        <source>Pay %1 at the payment terminal</source>
        <translation>ادفع %1 على جهاز الدفع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You are about to pay %1</source>
        <translation>أنت على وشك دفع %1</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Follow the instructions on the payment terminal. To stop, press Stop on the terminal.</source>
        <translation>اتبع التعليمات على جهاز الدفع. للإيقاف، اضغط على زر الإيقاف (Stop) في جهاز الدفع.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You pay with your bank card at the payment terminal. It only receives the amount, nothing about you.</source>
        <translation>تدفع ببطاقتك المصرفية على جهاز الدفع. لا يتلقى الجهاز سوى المبلغ، ولا شيء عنك.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pay %1</source>
        <translation>ادفع %1</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <location filename="../qml/Kiosk/PinScreen.qml" line="+29"/>
        <source>Type your PIN</source>
        <translation>أدخل رقمك السري</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cover the keypad with your hand.</source>
        <translation>غطِّ لوحة الأرقام بيدك.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <location filename="../qml/Kiosk/PrivacyPage.qml" line="+36"/>
        <source>Your privacy at this kiosk</source>
        <translation>خصوصيتك في هذا الكشك</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The kiosk uses your library pass only to lend, return and renew, and to show your account while you are here.</source>
        <translation>يستخدم الكشك بطاقة المكتبة فقط للاستعارة والإرجاع والتجديد، ولعرض حسابك أثناء وجودك هنا.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It shows your first name, never your address, phone number, e-mail address or full card number. Your PIN is never shown.</source>
        <translation>يعرض اسمك الأول فقط، ولا يعرض أبدًا عنوانك أو رقم هاتفك أو بريدك الإلكتروني أو رقم بطاقتك كاملًا. ولا يُعرض رقمك السري أبدًا.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When you are done, take your pass away, or stop touching the screen: the kiosk then forgets everything about you and shows the start screen.</source>
        <translation>عند الانتهاء، أبعد بطاقتك أو توقّف عن لمس الشاشة: عندها ينسى الكشك كل ما يخصك ويعرض شاشة البداية.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The kiosk keeps nothing about you. If the library system cannot be reached, it keeps only card and item numbers until they are sent, and then deletes them.</source>
        <translation>لا يحتفظ الكشك بأي شيء عنك. إذا تعذّر الوصول إلى نظام المكتبة، يحتفظ فقط بأرقام البطاقات والمواد حتى يتم إرسالها، ثم يحذفها.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your receipt shows only the last four digits of your card number. You can also choose no receipt.</source>
        <translation>يظهر على الإيصال آخر أربعة أرقام فقط من رقم بطاقتك. ويمكنك أيضًا اختيار عدم طباعة إيصال.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing is sent anywhere except to the library&apos;s own systems.</source>
        <translation>لا يُرسل أي شيء إلى أي جهة سوى أنظمة المكتبة نفسها.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The library&apos;s privacy statement</source>
        <translation>بيان الخصوصية الخاص بالمكتبة</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <location filename="../qml/Kiosk/ReceiptScreen.qml" line="+24"/>
        <source>Would you like a receipt?</source>
        <translation>هل تريد إيصالًا؟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you borrowed today</source>
        <translation>ما استعرته اليوم</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>E-mail to %1</source>
        <translation>إرسال بالبريد الإلكتروني إلى %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No receipt, thanks</source>
        <translation>لا أريد إيصالًا، شكرًا</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Printing…</source>
        <translation>جارٍ الطباعة…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Print a receipt</source>
        <translation>طباعة إيصال</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Done</source>
        <translation>إنهاء</translation>
    </message>
</context>
<context>
    <name>ReturnScreen</name>
    <message>
        <location filename="../qml/Kiosk/ReturnScreen.qml" line="+30"/>
        <source>Return items</source>
        <translation>إرجاع المواد</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Put the items you bring back on the pad, or scan their barcodes.</source>
        <translation>ضع المواد التي تعيدها على لوحة RFID، أو امسح رموزها الشريطية.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the barcode of each item you bring back.</source>
        <translation>امسح الرمز الشريطي لكل مادة تعيدها.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Done</source>
        <translation>إنهاء</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Nothing returned yet.</source>
        <translation>لم تُرجَع أي مادة بعد.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1 Bin: %2</source>
        <translation>%1 الصندوق: %2</translation>
    </message>
</context>
<context>
    <name>SimulatorPanel</name>
    <message>
        <location filename="../qml/Kiosk/SimulatorPanel.qml" line="+31"/>
        <source>Simulator</source>
        <translation>المحاكي</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Demo mode: these buttons play the card reader and the scanner.</source>
        <translation>وضع العرض: هذه الأزرار تقوم مقام قارئ البطاقات والماسح.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Take the card away</source>
        <translation>إبعاد البطاقة</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Scan any code</source>
        <translation>مسح أي رمز</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Card number or barcode</source>
        <translation>رقم البطاقة أو الرمز الشريطي</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scan</source>
        <translation>مسح</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Library pass</source>
        <translation>بطاقة المكتبة</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>RFID pad</source>
        <translation>لوحة RFID</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Put 3 items on the pad</source>
        <translation>وضع 3 مواد على لوحة RFID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put 2 of a course&apos;s 3 discs on it</source>
        <translation>وضع قرصين من 3 أقراص لدورة تعليمية عليها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the third disc</source>
        <translation>إضافة القرص الثالث</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take everything off the pad</source>
        <translation>رفع كل شيء عن لوحة RFID</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Scan an item</source>
        <translation>مسح مادة</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Device faults</source>
        <translation>أعطال الأجهزة</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Card reader unplugged</source>
        <translation>قارئ البطاقات غير موصول</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanner unplugged</source>
        <translation>الماسح غير موصول</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer out of paper</source>
        <translation>نفد الورق من الطابعة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer off-line</source>
        <translation>الطابعة غير متصلة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payments declined</source>
        <translation>المدفوعات مرفوضة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment terminal unplugged</source>
        <translation>جهاز الدفع غير موصول</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The printer printed</source>
        <translation>ما طبعته الطابعة</translation>
    </message>
</context>
<context>
    <name>StackCountDialog</name>
    <message>
        <location filename="../qml/Kiosk/StackCountDialog.qml" line="+38"/>
        <source>How many items did you put on the pad?</source>
        <translation>كم مادة وضعت على لوحة RFID؟</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>More than 10? Please put them on the pad in smaller stacks.</source>
        <translation>أكثر من 10؟ يرجى وضعها على لوحة RFID على دفعات أصغر.</translation>
    </message>
</context>
<context>
    <name>StaffPinScreen</name>
    <message>
        <location filename="../qml/Kiosk/StaffPinScreen.qml" line="+29"/>
        <source>Staff PIN</source>
        <translation>الرقم السري للموظفين</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>For library staff: type the staff PIN to open maintenance mode.</source>
        <translation>لموظفي المكتبة: أدخل الرقم السري للموظفين لفتح وضع الصيانة.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message>
        <location filename="../qml/Kiosk/StaffScreen.qml" line="+72"/>
        <source>Maintenance</source>
        <translation>الصيانة</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Lock</source>
        <translation>قفل الشاشة</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Devices</source>
        <translation>الأجهزة</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Library system</source>
        <translation>نظام المكتبة</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Offline journal</source>
        <translation>سجل العمل دون اتصال</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Dealt with</source>
        <translation>تمت المعالجة</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Synchronise now</source>
        <translation>مزامنة الآن</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Today</source>
        <translation>اليوم</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Service</source>
        <translation>الخدمة</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Message for members (optional)</source>
        <translation>رسالة للأعضاء (اختيارية)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Out of service</source>
        <translation>خارج الخدمة</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Back in service</source>
        <translation>العودة إلى الخدمة</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tests</source>
        <translation>الاختبارات</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Test print</source>
        <translation>طباعة تجريبية</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Test the card reader</source>
        <translation>اختبار قارئ البطاقات</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Test the scanner</source>
        <translation>اختبار الماسح</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The kiosk</source>
        <translation>الكشك</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reload the settings</source>
        <translation>إعادة تحميل الإعدادات</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tap again to restart</source>
        <translation>انقر مرة أخرى لإعادة التشغيل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restart</source>
        <translation>إعادة التشغيل</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save the diagnostics for support to:</source>
        <translation>حفظ بيانات التشخيص للدعم الفني في:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert a USB stick to save the diagnostics for support.</source>
        <translation>أدخل ذاكرة USB لحفظ بيانات التشخيص للدعم الفني.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Recent events</source>
        <translation>الأحداث الأخيرة</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="+27"/>
        <source>Done.</source>
        <translation>تم بنجاح.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renewed. Please check the new return date on your receipt or account.</source>
        <translation>تم التجديد. يرجى الاطلاع على موعد الإرجاع الجديد في الإيصال أو في حسابك.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You already had this item; we renewed it for you.</source>
        <translation>هذه المادة مستعارة لديك بالفعل؛ لقد جددناها لك.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Returned. Thank you! You can put it on the return shelf.</source>
        <translation>تم الإرجاع. شكرًا لك! يمكنك وضعها على رف الإرجاع.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Returned. Someone is waiting for this item: please put it on the hold shelf.</source>
        <translation>تم الإرجاع. هناك من ينتظر هذه المادة: يرجى وضعها على رف الحجوزات.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Returned. This item goes to another branch: please put it in the transit box.</source>
        <translation>تم الإرجاع. هذه المادة ستذهب إلى فرع آخر: يرجى وضعها في صندوق النقل.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That is not a card number we can read. Please check it and try again.</source>
        <translation>لا يمكننا قراءة رقم البطاقة هذا. يرجى التحقق منه والمحاولة مرة أخرى.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>We do not know this card. Please ask at the desk.</source>
        <translation>هذه البطاقة غير معروفة لدينا. يرجى السؤال في مكتب الخدمة.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That is an item. Please tap or scan your library pass first.</source>
        <translation>هذه مادة. يرجى مسح بطاقة المكتبة أولًا.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please type your PIN.</source>
        <translation>يرجى إدخال رقمك السري.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That PIN is not right. Please try again; if you forgot it, please ask at the desk.</source>
        <translation>الرقم السري غير صحيح. يرجى المحاولة مرة أخرى؛ وإذا نسيته فاسأل في مكتب الخدمة.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your card is locked at the kiosk after too many wrong PINs. Please ask at the desk.</source>
        <translation>تم قفل بطاقتك في الكشك بعد إدخال رقم سري خاطئ مرات كثيرة. يرجى السؤال في مكتب الخدمة.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your library pass has expired. Please renew it at the desk.</source>
        <translation>انتهت صلاحية بطاقة المكتبة. يرجى تجديدها في مكتب الخدمة.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This card has been reported lost. Please ask at the desk.</source>
        <translation>تم الإبلاغ عن فقدان هذه البطاقة. يرجى السؤال في مكتب الخدمة.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You cannot borrow right now because of open fees. Please pay them here or at the desk.</source>
        <translation>لا يمكنك الاستعارة الآن بسبب رسوم غير مدفوعة. يرجى دفعها هنا أو في مكتب الخدمة.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You cannot borrow right now because some items are overdue. Please return them first.</source>
        <translation>لا يمكنك الاستعارة الآن لأن لديك مواد متأخرة. يرجى إرجاعها أولًا.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You cannot borrow at the kiosk right now. Please ask at the desk.</source>
        <translation>لا يمكنك الاستعارة من الكشك الآن. يرجى السؤال في مكتب الخدمة.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>We could not read that barcode. Please scan the item again.</source>
        <translation>لم نتمكن من قراءة هذا الرمز الشريطي. يرجى مسح المادة مرة أخرى.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>We do not know this item. Please take it to the desk.</source>
        <translation>هذه المادة غير معروفة لدينا. يرجى أخذها إلى مكتب الخدمة.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item is still lent to someone else. Please take it to the desk.</source>
        <translation>هذه المادة ما زالت مستعارة لشخص آخر. يرجى أخذها إلى مكتب الخدمة.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item is reserved for someone else. Please take it to the desk.</source>
        <translation>هذه المادة محجوزة لشخص آخر. يرجى أخذها إلى مكتب الخدمة.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item can only be used in the library. Please put it back or ask at the desk.</source>
        <translation>هذه المادة للاستخدام داخل المكتبة فقط. يرجى إعادتها إلى مكانها أو السؤال في مكتب الخدمة.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This item has an age limit. Please ask at the desk.</source>
        <translation>لهذه المادة قيد عمري. يرجى السؤال في مكتب الخدمة.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item is on its way to another branch. Please take it to the desk.</source>
        <translation>هذه المادة في طريقها إلى فرع آخر. يرجى أخذها إلى مكتب الخدمة.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item cannot be borrowed right now. Please take it to the desk.</source>
        <translation>لا يمكن استعارة هذه المادة الآن. يرجى أخذها إلى مكتب الخدمة.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You have reached the most items you can borrow. Please return an item first.</source>
        <translation>لقد بلغت الحد الأقصى للمواد التي يمكنك استعارتها. يرجى إرجاع مادة أولًا.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This item has a lending fee and was not checked out. Scan it again to decide.</source>
        <translation>لاستعارة هذه المادة رسوم، ولم تتم استعارتها. امسحها مرة أخرى لتقرر.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This item was not lent out. Please take it to the desk.</source>
        <translation>هذه المادة لم تكن مستعارة. يرجى أخذها إلى مكتب الخدمة.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please take this item to the desk.</source>
        <translation>يرجى أخذ هذه المادة إلى مكتب الخدمة.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This item cannot be renewed again. Please return it by its due date.</source>
        <translation>لا يمكن تجديد هذه المادة مرة أخرى. يرجى إرجاعها في موعدها.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Someone else is waiting for this item, so it cannot be renewed. Please return it by its due date.</source>
        <translation>هناك شخص آخر ينتظر هذه المادة، لذا لا يمكن تجديدها. يرجى إرجاعها في موعدها.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This item is not lent to you, so you cannot renew it. Please ask at the desk.</source>
        <translation>هذه المادة ليست مستعارة باسمك، لذا لا يمكنك تجديدها. يرجى السؤال في مكتب الخدمة.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item cannot be renewed. Please return it by its due date.</source>
        <translation>لا يمكن تجديد هذه المادة. يرجى إرجاعها في موعدها.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>We could not find this fee. Please ask at the desk.</source>
        <translation>لم نتمكن من العثور على هذه الرسوم. يرجى السؤال في مكتب الخدمة.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That amount cannot be paid here. Please choose another amount.</source>
        <translation>لا يمكن دفع هذا المبلغ هنا. يرجى اختيار مبلغ آخر.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thank you, your payment was received.</source>
        <translation>شكرًا لك، تم استلام دفعتك.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thank you, your payment was received. Your account will show it a little later; you do not need to pay again.</source>
        <translation>شكرًا لك، تم استلام دفعتك. ستظهر في حسابك بعد قليل؛ لا داعي للدفع مرة أخرى.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your payment was received, but your account could not be updated. You do not need to pay again: please ask at the desk and mention reference %1.</source>
        <translation>تم استلام دفعتك، لكن تعذّر تحديث حسابك. لا داعي للدفع مرة أخرى: يرجى السؤال في مكتب الخدمة وذكر المرجع %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The payment was declined and nothing was charged. Try another card or pay at the desk.</source>
        <translation>تم رفض الدفع ولم يُخصم أي مبلغ. جرّب بطاقة أخرى أو ادفع في مكتب الخدمة.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The payment was stopped and nothing was charged.</source>
        <translation>تم إيقاف الدفع ولم يُخصم أي مبلغ.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The payment terminal is not working right now and nothing was charged. Please pay at the desk.</source>
        <translation>جهاز الدفع لا يعمل الآن ولم يُخصم أي مبلغ. يرجى الدفع في مكتب الخدمة.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>We cannot tell whether your payment went through. Please do not pay again: ask at the desk and mention reference %1.</source>
        <translation>لا يمكننا التأكد من إتمام دفعتك. يرجى عدم الدفع مرة أخرى: اسأل في مكتب الخدمة واذكر المرجع %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paying is not possible here right now. Please pay at the desk.</source>
        <translation>الدفع غير ممكن هنا الآن. يرجى الدفع في مكتب الخدمة.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only %1 of the %2 parts of an item are on the pad. Please put all its parts on the pad.</source>
        <translation>لا يوجد على لوحة RFID سوى %1 من أصل %2 أجزاء لإحدى المواد. يرجى وضع جميع أجزائها على لوحة RFID.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The tag of an item on the pad cannot be read. Please scan its barcode, or take it to the desk.</source>
        <translation>تتعذّر قراءة شريحة إحدى المواد الموجودة على لوحة RFID. يرجى مسح رمزها الشريطي أو أخذها إلى مكتب الخدمة.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Please put the item marked below back on the pad for a moment, so that the gate lets it through.</source>
        <translation>يرجى إعادة المادة المحددة أدناه إلى لوحة RFID للحظة، حتى تسمح لها بوابة الأمان بالمرور.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An item on the pad is already lent to you. To return it, tap Return items.</source>
        <translation>إحدى المواد الموجودة على لوحة RFID مستعارة لك بالفعل. لإرجاعها، انقر على «إرجاع المواد».</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>We find %1 of the %2 items you placed. Spread them out on the pad, or scan the barcode of the missing ones.</source>
        <translation>نجد %1 من أصل %2 من المواد التي وضعتها. يرجى توزيعها على لوحة RFID متباعدةً، أو مسح الرمز الشريطي للمواد الناقصة.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The library system is not answering right now. Please try again in a moment or ask at the desk.</source>
        <translation>نظام المكتبة لا يستجيب الآن. يرجى المحاولة بعد قليل أو السؤال في مكتب الخدمة.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Something went wrong. Please try again or ask at the desk.</source>
        <translation>حدث خطأ ما. يرجى المحاولة مرة أخرى أو السؤال في مكتب الخدمة.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Please take your receipt.</source>
        <translation>يرجى أخذ الإيصال.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your receipt is on its way to your e-mail address.</source>
        <translation>يتم إرسال الإيصال إلى بريدك الإلكتروني.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The receipt could not be e-mailed. Your loans are saved: you see them here, and always in your account online.</source>
        <translation>تعذّر إرسال الإيصال بالبريد الإلكتروني. استعاراتك محفوظة: تراها هنا، وتجدها دائمًا في حسابك على الإنترنت.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The receipt printer is out of paper. Your loans are saved: you see them here, and always in your account online.</source>
        <translation>نفد الورق من طابعة الإيصالات. استعاراتك محفوظة: تراها هنا، وتجدها دائمًا في حسابك على الإنترنت.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The receipt printer is not working right now. Your loans are saved: you see them here, and always in your account online.</source>
        <translation>طابعة الإيصالات لا تعمل الآن. استعاراتك محفوظة: تراها هنا، وتجدها دائمًا في حسابك على الإنترنت.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The library system cannot be reached right now. You can still return items, and borrow up to %1 more: we record them and pass them on as soon as it is back.</source>
        <translation>لا يمكن الوصول إلى نظام المكتبة الآن. لا يزال بإمكانك إرجاع المواد واستعارة ما يصل إلى %1 مواد أخرى: نسجّلها ونرسلها فور عودة النظام.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recorded. The library system will have it as soon as it is back; your account shows it then.</source>
        <translation>تم التسجيل. سيصل ذلك إلى نظام المكتبة فور عودته؛ وسيظهر في حسابك حينها.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>While the library system cannot be reached, the kiosk lends only a few items per pass (at most %1). Please ask at the desk.</source>
        <translation>ما دام نظام المكتبة غير متاح، لا يعير الجهاز إلا عددًا قليلًا من المواد لكل بطاقة (%1 على الأكثر). يرجى السؤال في مكتب الخدمة.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This cannot be done while the library system cannot be reached. Please try again later or ask at the desk.</source>
        <translation>لا يمكن القيام بذلك ما دام نظام المكتبة غير متاح. يرجى المحاولة لاحقًا أو السؤال في مكتب الخدمة.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The kiosk cannot record this right now. Please ask at the desk.</source>
        <translation>لا يستطيع الجهاز تسجيل ذلك الآن. يرجى السؤال في مكتب الخدمة.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>That staff PIN is not right. Please try again.</source>
        <translation>الرقم السري للموظفين غير صحيح. يرجى المحاولة مرة أخرى.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too many wrong staff PINs: PIN entry is locked for five minutes. Use a staff card.</source>
        <translation>أُدخل رقم سري خاطئ للموظفين مرات كثيرة: إدخال الرقم السري مقفل لمدة خمس دقائق. يرجى استخدام بطاقة موظف.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The kiosk&apos;s settings need to be corrected by staff.</source>
        <translation>إعدادات الكشك تحتاج إلى تصحيح من الموظفين.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>That PIN is not right. Please try again. Attempts left before your card is locked: %n.</source>
        <translation>
            <numerusform>الرقم السري غير صحيح. يرجى المحاولة مرة أخرى. عدد المحاولات المتبقية قبل قفل بطاقتك: %n.</numerusform>
            <numerusform>الرقم السري غير صحيح. يرجى المحاولة مرة أخرى. عدد المحاولات المتبقية قبل قفل بطاقتك: %n.</numerusform>
            <numerusform>الرقم السري غير صحيح. يرجى المحاولة مرة أخرى. عدد المحاولات المتبقية قبل قفل بطاقتك: %n.</numerusform>
            <numerusform>الرقم السري غير صحيح. يرجى المحاولة مرة أخرى. عدد المحاولات المتبقية قبل قفل بطاقتك: %n.</numerusform>
            <numerusform>الرقم السري غير صحيح. يرجى المحاولة مرة أخرى. عدد المحاولات المتبقية قبل قفل بطاقتك: %n.</numerusform>
            <numerusform>الرقم السري غير صحيح. يرجى المحاولة مرة أخرى. عدد المحاولات المتبقية قبل قفل بطاقتك: %n.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checked out. Please return it by %1.</source>
        <translation>تمت الاستعارة. يرجى إرجاعها بحلول %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renewed: now due on %1.</source>
        <translation>تم التجديد: موعد الإرجاع الجديد %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Checked out. This item has %n parts: please check that they are all in the box. Please return it by %1.</source>
        <translation>
            <numerusform>تمت الاستعارة. عدد أجزاء هذه المادة: %n، يرجى التأكد من وجودها كلها في العلبة. يرجى إرجاعها بحلول %1.</numerusform>
            <numerusform>تمت الاستعارة. عدد أجزاء هذه المادة: %n، يرجى التأكد من وجودها كلها في العلبة. يرجى إرجاعها بحلول %1.</numerusform>
            <numerusform>تمت الاستعارة. عدد أجزاء هذه المادة: %n، يرجى التأكد من وجودها كلها في العلبة. يرجى إرجاعها بحلول %1.</numerusform>
            <numerusform>تمت الاستعارة. عدد أجزاء هذه المادة: %n، يرجى التأكد من وجودها كلها في العلبة. يرجى إرجاعها بحلول %1.</numerusform>
            <numerusform>تمت الاستعارة. عدد أجزاء هذه المادة: %n، يرجى التأكد من وجودها كلها في العلبة. يرجى إرجاعها بحلول %1.</numerusform>
            <numerusform>تمت الاستعارة. عدد أجزاء هذه المادة: %n، يرجى التأكد من وجودها كلها في العلبة. يرجى إرجاعها بحلول %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Loan receipt</source>
        <translation>إيصال الاستعارة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return receipt</source>
        <translation>إيصال الإرجاع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card</source>
        <translation>البطاقة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Borrowed</source>
        <translation>المستعار</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>due</source>
        <translation>الإرجاع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not borrowed</source>
        <translation>لم تتم استعارته</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fee</source>
        <translation>الرسوم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your account online</source>
        <translation>حسابك على الإنترنت</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned</source>
        <translation>المُرجَع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parts</source>
        <translation>الأجزاء</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renewed</source>
        <translation>المُجدَّد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HOLD</source>
        <translation>حجز</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TRANSIT</source>
        <translation>نقل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>إلى</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bin</source>
        <translation>الصندوق</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>المدفوع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>المجموع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>المرجع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid; your account will show it later</source>
        <translation>مدفوع؛ سيظهر في حسابك لاحقًا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid; the desk will book it</source>
        <translation>مدفوع؛ سيسجّله مكتب الخدمة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not known whether this was paid: ask at the desk</source>
        <translation>لا يُعرف ما إذا كان هذا قد دُفع: اسأل في مكتب الخدمة</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Ready for you at %1.</source>
        <translation>جاهزة لك في %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready for you at %1, until %2.</source>
        <translation>جاهزة لك في %1 حتى %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting: number %1 in the queue, for %2.</source>
        <translation>في الانتظار: رقمك %1 في قائمة الانتظار، للاستلام في %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting, for %1.</source>
        <translation>في الانتظار، للاستلام في %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On its way to %1.</source>
        <translation>في الطريق إلى %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family member</source>
        <translation>فرد من العائلة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the slip from the printer and put it in the item.</source>
        <translation>خذ القسيمة من الطابعة وضعها داخل المادة.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put it back on the pad for a moment: its security tag was not switched yet.</source>
        <translation>يرجى إعادتها إلى لوحة RFID للحظة: لم يتم تبديل حالة شريحتها الأمنية بعد.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Late fee</source>
        <translation>غرامة تأخير</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rental fee</source>
        <translation>رسوم الاستعارة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold fee</source>
        <translation>رسوم الحجز</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost item</source>
        <translation>مادة مفقودة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Damaged item</source>
        <translation>مادة تالفة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing part</source>
        <translation>جزء ناقص</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Library pass</source>
        <translation>بطاقة المكتبة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other costs</source>
        <translation>تكاليف أخرى</translation>
    </message>
</context>
<context>
    <name>staff</name>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="+53"/>
        <source>Card reader</source>
        <extracomment>milliseconds between two looks at the kiosk&apos;s state while the staff screen is open</extracomment>
        <translation>قارئ البطاقات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanner</source>
        <translation>الماسح</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt printer</source>
        <translation>طابعة الإيصالات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment terminal</source>
        <translation>جهاز الدفع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RFID pad</source>
        <translation>لوحة RFID</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Working</source>
        <translation>يعمل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs attention</source>
        <translation>يحتاج إلى فحص</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not working</source>
        <translation>لا يعمل</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sessions</source>
        <translation>الجلسات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items lent</source>
        <translation>المواد المُعارة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items returned</source>
        <translation>المواد المُرجَعة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items renewed</source>
        <translation>المواد المُجدَّدة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipts printed</source>
        <translation>الإيصالات المطبوعة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipts e-mailed</source>
        <translation>الإيصالات المرسلة بالبريد الإلكتروني</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipts not printed</source>
        <translation>الإيصالات غير المطبوعة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payments</source>
        <translation>المدفوعات</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loan</source>
        <translation>استعارة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return</source>
        <translation>إرجاع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid at the terminal, refused by the library system: book or refund</source>
        <translation>دُفع على جهاز الدفع ورفضه نظام المكتبة: سجّله أو أعِد المبلغ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paid at the terminal, not booked: book it by hand</source>
        <translation>دُفع على جهاز الدفع ولم يُسجَّل: سجّله يدويًا</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payment outcome unknown: check the terminal&apos;s journal</source>
        <translation>نتيجة الدفع غير معروفة: تحقّق من سجل جهاز الدفع</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>done</source>
        <translation>اكتملت</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>card taken away</source>
        <translation>أُبعدت البطاقة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>timed out</source>
        <translation>انتهت المهلة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>أُلغيت</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>card refused</source>
        <translation>رُفضت البطاقة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>out of service</source>
        <translation>خارج الخدمة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The test page was printed.</source>
        <translation>تمت طباعة صفحة الاختبار.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The test page was not printed: %1</source>
        <translation>لم تُطبع صفحة الاختبار: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This kiosk has no receipt printer.</source>
        <translation>لا توجد طابعة إيصالات في هذا الكشك.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synchronised: %1 sent, %2 refused by the library system.</source>
        <translation>تمت المزامنة: أُرسل %1، ورفض نظام المكتبة %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The library system cannot be reached: %3 still waiting (%1 sent).</source>
        <translation>لا يمكن الوصول إلى نظام المكتبة: ما زال %3 في الانتظار (أُرسل %1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Synchronising failed: %1</source>
        <translation>فشلت المزامنة: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>Offline working is not switched on.</source>
        <translation>العمل دون اتصال غير مفعّل.</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>The kiosk is out of service once you lock this screen.</source>
        <translation>سيصبح الكشك خارج الخدمة بمجرد قفل هذه الشاشة.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The kiosk is in service again once you lock this screen.</source>
        <translation>سيعود الكشك إلى الخدمة بمجرد قفل هذه الشاشة.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The settings file has an error; the kiosk keeps the settings it has: %1</source>
        <translation>في ملف الإعدادات خطأ؛ يحتفظ الكشك بإعداداته الحالية: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restarting...</source>
        <translation>جارٍ إعادة التشغيل…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This kiosk cannot restart itself.</source>
        <translation>لا يستطيع هذا الكشك إعادة تشغيل نفسه.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The diagnostics were saved as %1</source>
        <translation>حُفظت بيانات التشخيص باسم %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The diagnostics were not saved: %1</source>
        <translation>لم تُحفظ بيانات التشخيص: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marked as dealt with.</source>
        <translation>تم وضع علامة «تمت المعالجة».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That did not work: %1</source>
        <translation>لم ينجح ذلك: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reachable; the last answer took %1 ms.</source>
        <translation>متاح؛ استغرق آخر رد %1 ملي ثانية.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot be reached.</source>
        <translation>لا يمكن الوصول إليه.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not asked yet.</source>
        <translation>لم يتم الاستعلام بعد.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The kiosk works offline and records what it does.</source>
        <translation>يعمل الكشك دون اتصال ويسجّل ما يقوم به.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 transactions waiting to be sent, %2 refused.</source>
        <translation>معاملات بانتظار الإرسال: %1، مرفوضة: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The offline journal cannot be read.</source>
        <translation>تعذّرت قراءة سجل العمل دون اتصال.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last synchronised at %1: %2</source>
        <translation>آخر مزامنة في %1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In service.</source>
        <translation>في الخدمة.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out of service, set by staff: %1</source>
        <translation>خارج الخدمة بقرار من الموظفين: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out of service by itself: %1</source>
        <translation>خارج الخدمة تلقائيًا: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold a card against the reader.</source>
        <translation>قرّب بطاقة من القارئ.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan a barcode.</source>
        <translation>امسح رمزًا شريطيًا.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was read in 20 seconds. Check the cable and the device&apos;s light.</source>
        <translation>لم تتم قراءة أي شيء خلال 20 ثانية. تحقّق من الكابل ومن ضوء الجهاز.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read by the card reader</source>
        <translation>قراءة من قارئ البطاقات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read by the scanner</source>
        <translation>قراءة من الماسح</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a pass ending in %1 (%2 characters)</source>
        <translation>بطاقة آخرها %1 (عدد الأحرف: %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the item barcode %1 (%2 characters)</source>
        <translation>الرمز الشريطي للمادة %1 (عدد الأحرف: %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a code this library does not use, ending in %1 (%2 characters)</source>
        <translation>رمز لا تستخدمه هذه المكتبة، آخره %1 (عدد الأحرف: %2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a code ending in %1 (%2 characters)</source>
        <translation>رمز آخره %1 (عدد الأحرف: %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Session ended (%1): %2 lent, %3 returned, %4 renewed</source>
        <translation>انتهت الجلسة (%1): استعارة %2، إرجاع %3، تجديد %4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 %3</source>
        <translation>%1: %2 %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The library system cannot be reached</source>
        <translation>لا يمكن الوصول إلى نظام المكتبة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The library system can be reached again</source>
        <translation>أصبح نظام المكتبة متاحًا مرة أخرى</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff (%1): %2 %3</source>
        <translation>الموظف (%1): %2 %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment %1 of %2: %3</source>
        <translation>الدفعة %1 بمبلغ %2: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>paid and booked</source>
        <translation>مدفوعة ومسجّلة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paid, to be booked when the system answers</source>
        <translation>مدفوعة، وستُسجَّل عندما يستجيب النظام</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paid, not booked: see the list below</source>
        <translation>مدفوعة وغير مسجّلة: انظر القائمة أدناه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>declined</source>
        <translation>مرفوضة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped by the member</source>
        <translation>أوقفها العضو</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the terminal did not work</source>
        <translation>لم يعمل جهاز الدفع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outcome unknown: see the list below</source>
        <translation>النتيجة غير معروفة: انظر القائمة أدناه</translation>
    </message>
</context>
</TS>
