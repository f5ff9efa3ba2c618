<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR" sourcelanguage="en">
<context>
    <name>AccessibilityToggles</name>
    <message>
        <location filename="../qml/Kiosk/AccessibilityToggles.qml" line="+26"/>
        <source>Larger text</source>
        <translation>Daha büyük yazı</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>High contrast</source>
        <translation>Yüksek kontrast</translation>
    </message>
</context>
<context>
    <name>BusyOverlay</name>
    <message>
        <location filename="../qml/Kiosk/BusyOverlay.qml" line="+41"/>
        <source>One moment, please…</source>
        <translation>Lütfen bir dakika bekleyin…</translation>
    </message>
</context>
<context>
    <name>CardEntryScreen</name>
    <message>
        <location filename="../qml/Kiosk/CardEntryScreen.qml" line="+28"/>
        <source>Type your card number</source>
        <translation>Kart numaranızı girin</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>You find it under the barcode on your library pass.</source>
        <translation>Numara, kütüphane kartınızdaki barkodun altında yazar.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cancel</source>
        <translation>İptal</translation>
    </message>
</context>
<context>
    <name>ConfirmFeeScreen</name>
    <message>
        <location filename="../qml/Kiosk/ConfirmFeeScreen.qml" line="+35"/>
        <source>This item costs %1 to borrow.</source>
        <translation>Bu materyali ödünç almanın ücreti %1.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Do you want to borrow it? The fee is added to your account.</source>
        <translation>Ödünç almak istiyor musunuz? Ücret hesabınıza eklenir.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No, thank you</source>
        <translation>Hayır, teşekkürler</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Yes, borrow it</source>
        <translation>Evet, ödünç al</translation>
    </message>
</context>
<context>
    <name>CountdownOverlay</name>
    <message>
        <location filename="../qml/Kiosk/CountdownOverlay.qml" line="+35"/>
        <source>Are you still there?</source>
        <translation>Hâlâ orada mısınız?</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>For your privacy we end your session in %n seconds.</source>
        <translation>
            <numerusform>Gizliliğiniz için oturumunuz %n saniye içinde kapanacak.</numerusform>
        </translation>
    </message>
    <message>
        <source>For your privacy we end your session in %1 seconds.</source>
        <translation type="vanished">Gizliliğiniz için oturumunuz %1 saniye içinde kapanacak.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>I am still here</source>
        <translation>Buradayım</translation>
    </message>
</context>
<context>
    <name>GoodbyeScreen</name>
    <message>
        <location filename="../qml/Kiosk/GoodbyeScreen.qml" line="+22"/>
        <source>Thank you, see you soon!</source>
        <translation>Teşekkürler, yine bekleriz!</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Do not forget to take your library pass.</source>
        <translation>Kütüphane kartınızı almayı unutmayın.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Start again</source>
        <translation>Yeniden başla</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../qml/Kiosk/HomeScreen.qml" line="+37"/>
        <source>Hello, %1</source>
        <translation>Merhaba %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hello</source>
        <translation>Merhaba</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Put the items you want to borrow on the pad, or scan their barcodes.</source>
        <translation>Ödünç almak istediğiniz materyalleri RFID okuyucunun üzerine koyun veya barkodlarını okutun.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the barcode of each item you want to borrow.</source>
        <translation>Ödünç almak istediğiniz her materyalin barkodunu okutun.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Return items</source>
        <translation>İade et</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Done</source>
        <translation>Bitir</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Loans (%1)</source>
        <translation>Ödünç alınanlar (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holds (%1)</source>
        <translation>Ayırtmalar (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fees %1</source>
        <translation>Ücretler %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family (%1)</source>
        <translation>Aile (%1)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Titles are hidden for your privacy. Tap to show them.</source>
        <translation>Gizliliğiniz için başlıklar gizlendi. Göstermek için dokunun.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>You have nothing on loan right now.</source>
        <translation>Şu anda ödünç aldığınız bir şey yok.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Renew all</source>
        <translation>Tümünü uzat</translation>
    </message>
    <message>
        <location line="+44"/>
        <location line="+77"/>
        <location line="+123"/>
        <source>Title hidden</source>
        <translation>Başlık gizli</translation>
    </message>
    <message>
        <location line="-186"/>
        <source>Overdue: it was due on %1</source>
        <translation>Gecikmiş: iade tarihi %1 idi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due on %1</source>
        <translation>İade tarihi: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Renew</source>
        <translation>Süre uzat</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>Pay %1</source>
        <translation>%1 öde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick the fees you want to pay</source>
        <translation>Ödemek istediğiniz ücretleri işaretleyin</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You can pay at the desk.</source>
        <translation>Danışma masasında ödeyebilirsiniz.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 · due on %2</source>
        <translation>%1 · iade tarihi: %2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Borrowed now</source>
        <translation>Şimdi ödünç alınanlar</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scan an item to borrow it.</source>
        <translation>Ödünç almak için bir materyal okutun.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>No barcode scanner? Type the number</source>
        <translation>Barkod okuyucu yok mu? Numarayı girin</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Type the number under the barcode</source>
        <translation>Barkodun altındaki numarayı girin</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Add</source>
        <translation>Ekle</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cancel</source>
        <translation>İptal</translation>
    </message>
</context>
<context>
    <name>IdentifyingScreen</name>
    <message>
        <location filename="../qml/Kiosk/IdentifyingScreen.qml" line="+31"/>
        <source>One moment, please. We are checking your card.</source>
        <translation>Lütfen bekleyin. Kartınızı kontrol ediyoruz.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancel</source>
        <translation>İptal</translation>
    </message>
</context>
<context>
    <name>IdleScreen</name>
    <message>
        <location filename="../qml/Kiosk/IdleScreen.qml" line="+41"/>
        <source>Tap your library pass</source>
        <translation>Kütüphane kartınızı okutun</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Hold it against the reader, or scan the barcode on the back.</source>
        <translation>Kartı okuyucuya yaklaştırın veya arkasındaki barkodu okutun.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Type your card number</source>
        <translation>Kart numaranızı girin</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Return items</source>
        <translation>İade et</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Privacy</source>
        <translation>Gizlilik</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../qml/Kiosk/Keypad.qml" line="+10"/>
        <source>OK</source>
        <translation>Tamam</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Erase</source>
        <translation>Sil</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="+22"/>
        <source>Library Kiosk</source>
        <translation>Kütüphane Kiosku</translation>
    </message>
</context>
<context>
    <name>OutOfServiceScreen</name>
    <message>
        <location filename="../qml/Kiosk/OutOfServiceScreen.qml" line="+21"/>
        <source>This kiosk is out of service</source>
        <translation>Bu kiosk hizmet dışı</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sorry for the trouble. Please ask at the desk.</source>
        <translation>Verdiğimiz rahatsızlık için özür dileriz. Lütfen danışma masasına başvurun.</translation>
    </message>
</context>
<context>
    <name>PaymentScreen</name>
    <message>
        <location filename="../qml/Kiosk/PaymentScreen.qml" line="+27"/>
        <source>Pay %1 at the payment terminal</source>
        <translation>%1 tutarını ödeme terminalinde ödeyin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You are about to pay %1</source>
        <translation>%1 ödemek üzeresiniz</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Follow the instructions on the payment terminal. To stop, press Stop on the terminal.</source>
        <translation>Ödeme terminalindeki talimatları izleyin. Durdurmak için terminaldeki Stop tuşuna basın.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You pay with your bank card at the payment terminal. It only receives the amount, nothing about you.</source>
        <translation>Ödemeyi ödeme terminalinde banka kartınızla yaparsınız. Terminale yalnızca tutar gider, sizinle ilgili hiçbir bilgi gitmez.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Back</source>
        <translation>Geri</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pay %1</source>
        <translation>%1 öde</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <location filename="../qml/Kiosk/PinScreen.qml" line="+29"/>
        <source>Type your PIN</source>
        <translation>PIN kodunuzu girin</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cover the keypad with your hand.</source>
        <translation>Tuş takımını elinizle kapatın.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Cancel</source>
        <translation>İptal</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <location filename="../qml/Kiosk/PrivacyPage.qml" line="+36"/>
        <source>Your privacy at this kiosk</source>
        <translation>Bu kioskta gizliliğiniz</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The kiosk uses your library pass only to lend, return and renew, and to show your account while you are here.</source>
        <translation>Kiosk, kütüphane kartınızı yalnızca ödünç verme, iade ve süre uzatma için ve siz buradayken hesabınızı göstermek için kullanır.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It shows your first name, never your address, phone number, e-mail address or full card number. Your PIN is never shown.</source>
        <translation>Yalnızca adınızı gösterir; adresinizi, telefon numaranızı, e-posta adresinizi veya kart numaranızın tamamını asla göstermez. PIN kodunuz hiçbir zaman gösterilmez.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When you are done, take your pass away, or stop touching the screen: the kiosk then forgets everything about you and shows the start screen.</source>
        <translation>İşiniz bitince kartınızı çekin ya da ekrana dokunmayı bırakın: kiosk sizinle ilgili her şeyi unutur ve başlangıç ekranını gösterir.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The kiosk keeps nothing about you. If the library system cannot be reached, it keeps only card and item numbers until they are sent, and then deletes them.</source>
        <translation>Kiosk sizinle ilgili hiçbir şey saklamaz. Kütüphane sistemine ulaşılamazsa yalnızca kart ve materyal numaralarını gönderilene kadar saklar, sonra siler.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your receipt shows only the last four digits of your card number. You can also choose no receipt.</source>
        <translation>Fişinizde kart numaranızın yalnızca son dört hanesi yer alır. İsterseniz fiş almayabilirsiniz.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing is sent anywhere except to the library&apos;s own systems.</source>
        <translation>Kütüphanenin kendi sistemleri dışında hiçbir yere bir şey gönderilmez.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The library&apos;s privacy statement</source>
        <translation>Kütüphanenin gizlilik bildirimi</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Close</source>
        <translation>Kapat</translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <location filename="../qml/Kiosk/ReceiptScreen.qml" line="+24"/>
        <source>Would you like a receipt?</source>
        <translation>Fiş ister misiniz?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you borrowed today</source>
        <translation>Bugün ödünç aldıklarınız</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>E-mail to %1</source>
        <translation>%1 adresine e-posta gönder</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No receipt, thanks</source>
        <translation>Fiş istemiyorum, teşekkürler</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Printing…</source>
        <translation>Yazdırılıyor…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Print a receipt</source>
        <translation>Fiş yazdır</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Done</source>
        <translation>Bitir</translation>
    </message>
</context>
<context>
    <name>ReturnScreen</name>
    <message>
        <location filename="../qml/Kiosk/ReturnScreen.qml" line="+30"/>
        <source>Return items</source>
        <translation>İade et</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Put the items you bring back on the pad, or scan their barcodes.</source>
        <translation>Getirdiğiniz materyalleri RFID okuyucunun üzerine koyun veya barkodlarını okutun.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the barcode of each item you bring back.</source>
        <translation>Getirdiğiniz her materyalin barkodunu okutun.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Done</source>
        <translation>Bitir</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Nothing returned yet.</source>
        <translation>Henüz iade edilen bir şey yok.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1 Bin: %2</source>
        <translation>%1 Kutu: %2</translation>
    </message>
</context>
<context>
    <name>SimulatorPanel</name>
    <message>
        <location filename="../qml/Kiosk/SimulatorPanel.qml" line="+31"/>
        <source>Simulator</source>
        <translation>Simülatör</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Demo mode: these buttons play the card reader and the scanner.</source>
        <translation>Demo modu: bu düğmeler kart okuyucu ve barkod okuyucu yerine geçer.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Take the card away</source>
        <translation>Kartı çek</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Scan any code</source>
        <translation>Herhangi bir kodu okut</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Card number or barcode</source>
        <translation>Kart numarası veya barkod</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scan</source>
        <translation>Okut</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Library pass</source>
        <translation>Kütüphane kartı</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>RFID pad</source>
        <translation>RFID okuyucu</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Put 3 items on the pad</source>
        <translation>RFID okuyucuya 3 materyal koy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put 2 of a course&apos;s 3 discs on it</source>
        <translation>Bir kursun 3 diskinden 2&apos;sini üzerine koy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the third disc</source>
        <translation>Üçüncü diski ekle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take everything off the pad</source>
        <translation>RFID okuyucudan her şeyi kaldır</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Scan an item</source>
        <translation>Materyal okut</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Device faults</source>
        <translation>Cihaz arızaları</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Card reader unplugged</source>
        <translation>Kart okuyucu çıkarıldı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanner unplugged</source>
        <translation>Barkod okuyucu çıkarıldı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer out of paper</source>
        <translation>Yazıcıda kâğıt bitti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer off-line</source>
        <translation>Yazıcı çevrim dışı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payments declined</source>
        <translation>Ödemeler reddedildi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment terminal unplugged</source>
        <translation>Ödeme terminali çıkarıldı</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The printer printed</source>
        <translation>Yazıcı çıktısı</translation>
    </message>
</context>
<context>
    <name>StackCountDialog</name>
    <message>
        <location filename="../qml/Kiosk/StackCountDialog.qml" line="+38"/>
        <source>How many items did you put on the pad?</source>
        <translation>RFID okuyucuya kaç materyal koydunuz?</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>More than 10? Please put them on the pad in smaller stacks.</source>
        <translation>10&apos;dan fazla mı? Lütfen materyalleri RFID okuyucuya daha küçük desteler halinde koyun.</translation>
    </message>
</context>
<context>
    <name>StaffPinScreen</name>
    <message>
        <location filename="../qml/Kiosk/StaffPinScreen.qml" line="+29"/>
        <source>Staff PIN</source>
        <translation>Personel PIN kodu</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>For library staff: type the staff PIN to open maintenance mode.</source>
        <translation>Kütüphane personeli: bakım modunu açmak için personel PIN kodunu girin.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Cancel</source>
        <translation>İptal</translation>
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message>
        <location filename="../qml/Kiosk/StaffScreen.qml" line="+72"/>
        <source>Maintenance</source>
        <translation>Bakım</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Lock</source>
        <translation>Kilitle</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Devices</source>
        <translation>Cihazlar</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Library system</source>
        <translation>Kütüphane sistemi</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Offline journal</source>
        <translation>Çevrim dışı günlük</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Dealt with</source>
        <translation>Halledildi</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Synchronise now</source>
        <translation>Şimdi eşitle</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Today</source>
        <translation>Bugün</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Service</source>
        <translation>Hizmet durumu</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Message for members (optional)</source>
        <translation>Üyelere mesaj (isteğe bağlı)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Out of service</source>
        <translation>Hizmet dışı bırak</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Back in service</source>
        <translation>Yeniden hizmete al</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tests</source>
        <translation>Testler</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Test print</source>
        <translation>Deneme çıktısı</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Test the card reader</source>
        <translation>Kart okuyucuyu test et</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Test the scanner</source>
        <translation>Barkod okuyucuyu test et</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The kiosk</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reload the settings</source>
        <translation>Ayarları yeniden yükle</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tap again to restart</source>
        <translation>Yeniden başlatmak için tekrar dokunun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restart</source>
        <translation>Yeniden başlat</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save the diagnostics for support to:</source>
        <translation>Tanılama verilerini destek ekibi için şuraya kaydet:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert a USB stick to save the diagnostics for support.</source>
        <translation>Tanılama verilerini destek ekibi için kaydetmek üzere bir USB bellek takın.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Recent events</source>
        <translation>Son olaylar</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="+27"/>
        <source>Done.</source>
        <translation>Tamamlandı.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renewed. Please check the new return date on your receipt or account.</source>
        <translation>Süre uzatıldı. Yeni iade tarihini fişinizde veya hesabınızda görebilirsiniz.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You already had this item; we renewed it for you.</source>
        <translation>Bu materyal zaten sizdeydi; süresini sizin için uzattık.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Returned. Thank you! You can put it on the return shelf.</source>
        <translation>İade edildi. Teşekkürler! İade rafına koyabilirsiniz.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Returned. Someone is waiting for this item: please put it on the hold shelf.</source>
        <translation>İade edildi. Bu materyali bekleyen biri var: lütfen ayırtma rafına koyun.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Returned. This item goes to another branch: please put it in the transit box.</source>
        <translation>İade edildi. Bu materyal başka bir şubeye gidecek: lütfen transfer kutusuna koyun.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That is not a card number we can read. Please check it and try again.</source>
        <translation>Bu kart numarasını okuyamıyoruz. Lütfen kontrol edip tekrar deneyin.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>We do not know this card. Please ask at the desk.</source>
        <translation>Bu kartı tanımıyoruz. Lütfen danışma masasına başvurun.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That is an item. Please tap or scan your library pass first.</source>
        <translation>Bu bir materyal. Lütfen önce kütüphane kartınızı okutun.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please type your PIN.</source>
        <translation>Lütfen PIN kodunuzu girin.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That PIN is not right. Please try again; if you forgot it, please ask at the desk.</source>
        <translation>PIN kodu yanlış. Lütfen tekrar deneyin; unuttuysanız danışma masasına başvurun.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your card is locked at the kiosk after too many wrong PINs. Please ask at the desk.</source>
        <translation>Çok fazla yanlış PIN girildiği için kartınız kioskta kilitlendi. Lütfen danışma masasına başvurun.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your library pass has expired. Please renew it at the desk.</source>
        <translation>Kütüphane kartınızın süresi doldu. Lütfen danışma masasında yenileyin.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This card has been reported lost. Please ask at the desk.</source>
        <translation>Bu kart kayıp olarak bildirildi. Lütfen danışma masasına başvurun.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You cannot borrow right now because of open fees. Please pay them here or at the desk.</source>
        <translation>Ödenmemiş ücretleriniz olduğu için şu anda ödünç alamazsınız. Lütfen burada veya danışma masasında ödeyin.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You cannot borrow right now because some items are overdue. Please return them first.</source>
        <translation>İade tarihi geçmiş materyalleriniz olduğu için şu anda ödünç alamazsınız. Lütfen önce onları iade edin.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You cannot borrow at the kiosk right now. Please ask at the desk.</source>
        <translation>Şu anda kioskta ödünç alamazsınız. Lütfen danışma masasına başvurun.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>We could not read that barcode. Please scan the item again.</source>
        <translation>Bu barkodu okuyamadık. Lütfen materyali tekrar okutun.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>We do not know this item. Please take it to the desk.</source>
        <translation>Bu materyali tanımıyoruz. Lütfen danışma masasına götürün.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item is still lent to someone else. Please take it to the desk.</source>
        <translation>Bu materyal hâlâ başka birine ödünç verilmiş durumda. Lütfen danışma masasına götürün.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item is reserved for someone else. Please take it to the desk.</source>
        <translation>Bu materyal başka biri için ayrıldı. Lütfen danışma masasına götürün.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item can only be used in the library. Please put it back or ask at the desk.</source>
        <translation>Bu materyal yalnızca kütüphanede kullanılabilir. Lütfen yerine koyun veya danışma masasına başvurun.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This item has an age limit. Please ask at the desk.</source>
        <translation>Bu materyalin yaş sınırı var. Lütfen danışma masasına başvurun.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item is on its way to another branch. Please take it to the desk.</source>
        <translation>Bu materyal başka bir şubeye gönderilmek üzere. Lütfen danışma masasına götürün.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item cannot be borrowed right now. Please take it to the desk.</source>
        <translation>Bu materyal şu anda ödünç alınamaz. Lütfen danışma masasına götürün.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You have reached the most items you can borrow. Please return an item first.</source>
        <translation>Ödünç alabileceğiniz en fazla materyal sayısına ulaştınız. Lütfen önce bir materyal iade edin.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This item has a lending fee and was not checked out. Scan it again to decide.</source>
        <translation>Bu materyalin ödünç alma ücreti var ve ödünç verilmedi. Karar vermek için tekrar okutun.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This item was not lent out. Please take it to the desk.</source>
        <translation>Bu materyal ödünç verilmiş değildi. Lütfen danışma masasına götürün.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please take this item to the desk.</source>
        <translation>Lütfen bu materyali danışma masasına götürün.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This item cannot be renewed again. Please return it by its due date.</source>
        <translation>Bu materyalin süresi bir kez daha uzatılamaz. Lütfen iade tarihine kadar iade edin.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Someone else is waiting for this item, so it cannot be renewed. Please return it by its due date.</source>
        <translation>Bu materyali bekleyen başka biri olduğu için süresi uzatılamaz. Lütfen iade tarihine kadar iade edin.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This item is not lent to you, so you cannot renew it. Please ask at the desk.</source>
        <translation>Bu materyal size ödünç verilmediği için süresini uzatamazsınız. Lütfen danışma masasına başvurun.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item cannot be renewed. Please return it by its due date.</source>
        <translation>Bu materyalin süresi uzatılamaz. Lütfen iade tarihine kadar iade edin.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>We could not find this fee. Please ask at the desk.</source>
        <translation>Bu ücreti bulamadık. Lütfen danışma masasına başvurun.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That amount cannot be paid here. Please choose another amount.</source>
        <translation>Bu tutar burada ödenemez. Lütfen başka bir tutar seçin.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thank you, your payment was received.</source>
        <translation>Teşekkürler, ödemeniz alındı.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thank you, your payment was received. Your account will show it a little later; you do not need to pay again.</source>
        <translation>Teşekkürler, ödemeniz alındı. Hesabınızda biraz sonra görünecek; tekrar ödemenize gerek yok.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your payment was received, but your account could not be updated. You do not need to pay again: please ask at the desk and mention reference %1.</source>
        <translation>Ödemeniz alındı ancak hesabınız güncellenemedi. Tekrar ödemenize gerek yok: lütfen danışma masasına başvurun ve %1 referans numarasını söyleyin.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The payment was declined and nothing was charged. Try another card or pay at the desk.</source>
        <translation>Ödeme reddedildi ve kartınızdan hiçbir tutar çekilmedi. Başka bir kart deneyin veya danışma masasında ödeyin.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The payment was stopped and nothing was charged.</source>
        <translation>Ödeme durduruldu ve kartınızdan hiçbir tutar çekilmedi.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The payment terminal is not working right now and nothing was charged. Please pay at the desk.</source>
        <translation>Ödeme terminali şu anda çalışmıyor ve kartınızdan hiçbir tutar çekilmedi. Lütfen danışma masasında ödeyin.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>We cannot tell whether your payment went through. Please do not pay again: ask at the desk and mention reference %1.</source>
        <translation>Ödemenizin gerçekleşip gerçekleşmediğini bilemiyoruz. Lütfen tekrar ödemeyin: danışma masasına başvurun ve %1 referans numarasını söyleyin.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paying is not possible here right now. Please pay at the desk.</source>
        <translation>Şu anda burada ödeme yapılamıyor. Lütfen danışma masasında ödeyin.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only %1 of the %2 parts of an item are on the pad. Please put all its parts on the pad.</source>
        <translation>Bir materyalin %2 parçasından yalnızca %1 tanesi RFID okuyucuda. Lütfen tüm parçalarını RFID okuyucuya koyun.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The tag of an item on the pad cannot be read. Please scan its barcode, or take it to the desk.</source>
        <translation>RFID okuyucudaki bir materyalin etiketi okunamıyor. Lütfen barkodunu okutun veya materyali danışma masasına götürün.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Please put the item marked below back on the pad for a moment, so that the gate lets it through.</source>
        <translation>Güvenlik kapısından geçebilmesi için lütfen aşağıda işaretli materyali kısa bir süreliğine tekrar RFID okuyucuya koyun.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An item on the pad is already lent to you. To return it, tap Return items.</source>
        <translation>RFID okuyucudaki bir materyal zaten size ödünç verilmiş. İade etmek için İade et düğmesine dokunun.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>We find %1 of the %2 items you placed. Spread them out on the pad, or scan the barcode of the missing ones.</source>
        <translation>Koyduğunuz %2 materyalden %1 tanesini bulabiliyoruz. Materyalleri RFID okuyucunun üzerine aralıklı yerleştirin veya eksik olanların barkodunu okutun.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The library system is not answering right now. Please try again in a moment or ask at the desk.</source>
        <translation>Kütüphane sistemi şu anda yanıt vermiyor. Lütfen birazdan tekrar deneyin veya danışma masasına başvurun.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Something went wrong. Please try again or ask at the desk.</source>
        <translation>Bir sorun oluştu. Lütfen tekrar deneyin veya danışma masasına başvurun.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Please take your receipt.</source>
        <translation>Lütfen fişinizi alın.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your receipt is on its way to your e-mail address.</source>
        <translation>Fişiniz e-posta adresinize gönderiliyor.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The receipt could not be e-mailed. Your loans are saved: you see them here, and always in your account online.</source>
        <translation>Fiş e-postayla gönderilemedi. Ödünç aldıklarınız kaydedildi: onları burada ve her zaman çevrimiçi hesabınızda görebilirsiniz.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The receipt printer is out of paper. Your loans are saved: you see them here, and always in your account online.</source>
        <translation>Fiş yazıcısında kâğıt bitti. Ödünç aldıklarınız kaydedildi: onları burada ve her zaman çevrimiçi hesabınızda görebilirsiniz.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The receipt printer is not working right now. Your loans are saved: you see them here, and always in your account online.</source>
        <translation>Fiş yazıcısı şu anda çalışmıyor. Ödünç aldıklarınız kaydedildi: onları burada ve her zaman çevrimiçi hesabınızda görebilirsiniz.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The library system cannot be reached right now. You can still return items, and borrow up to %1 more: we record them and pass them on as soon as it is back.</source>
        <translation>Kütüphane sistemine şu anda ulaşılamıyor. Yine de materyal iade edebilir ve %1 materyale kadar daha ödünç alabilirsiniz: bunları kaydediyor ve sistem geri geldiğinde iletiyoruz.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recorded. The library system will have it as soon as it is back; your account shows it then.</source>
        <translation>Kaydedildi. Kütüphane sistemi geri geldiğinde bunu alacak; o zaman hesabınızda da görünür.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>While the library system cannot be reached, the kiosk lends only a few items per pass (at most %1). Please ask at the desk.</source>
        <translation>Kütüphane sistemine ulaşılamadığı sürece kiosk her kart için yalnızca birkaç materyal ödünç verir (en fazla %1). Lütfen danışma masasına başvurun.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This cannot be done while the library system cannot be reached. Please try again later or ask at the desk.</source>
        <translation>Kütüphane sistemine ulaşılamadığı sürece bu yapılamaz. Lütfen daha sonra tekrar deneyin veya danışma masasına başvurun.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The kiosk cannot record this right now. Please ask at the desk.</source>
        <translation>Kiosk bunu şu anda kaydedemiyor. Lütfen danışma masasına başvurun.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>That staff PIN is not right. Please try again.</source>
        <translation>Personel PIN kodu yanlış. Lütfen tekrar deneyin.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too many wrong staff PINs: PIN entry is locked for five minutes. Use a staff card.</source>
        <translation>Çok fazla yanlış personel PIN kodu girildi: PIN girişi beş dakika boyunca kilitli. Lütfen personel kartı kullanın.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The kiosk&apos;s settings need to be corrected by staff.</source>
        <translation>Kiosk ayarlarının personel tarafından düzeltilmesi gerekiyor.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>That PIN is not right. Please try again. Attempts left before your card is locked: %n.</source>
        <translation>
            <numerusform>PIN kodu yanlış. Lütfen tekrar deneyin. Kartınız kilitlenmeden önce kalan deneme hakkı: %n.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checked out. Please return it by %1.</source>
        <translation>Ödünç alındı. Lütfen en geç %1 tarihinde iade edin.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renewed: now due on %1.</source>
        <translation>Süre uzatıldı: yeni iade tarihi %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Checked out. This item has %n parts: please check that they are all in the box. Please return it by %1.</source>
        <translation>
            <numerusform>Ödünç alındı. Bu materyal %n parçadan oluşuyor: lütfen hepsinin kutuda olduğunu kontrol edin. Lütfen en geç %1 tarihinde iade edin.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Loan receipt</source>
        <translation>Ödünç alma fişi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return receipt</source>
        <translation>İade fişi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card</source>
        <translation>Kart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Borrowed</source>
        <translation>Ödünç alınanlar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>due</source>
        <translation>son iade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not borrowed</source>
        <translation>Ödünç verilmedi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fee</source>
        <translation>Ücret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your account online</source>
        <translation>Çevrimiçi hesabınız</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned</source>
        <translation>İade edilenler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parts</source>
        <translation>Parçalar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renewed</source>
        <translation>Süresi uzatılanlar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HOLD</source>
        <translation>AYIRTMA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TRANSIT</source>
        <translation>TRANSFER</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>Gideceği yer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bin</source>
        <translation>Kutu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>Ödenenler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>Toplam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>Referans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid; your account will show it later</source>
        <translation>Ödendi; hesabınızda daha sonra görünecek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid; the desk will book it</source>
        <translation>Ödendi; danışma masası sisteme işleyecek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not known whether this was paid: ask at the desk</source>
        <translation>Bunun ödenip ödenmediği bilinmiyor: lütfen danışma masasına sorun</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Ready for you at %1.</source>
        <translation>Sizi bekliyor: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready for you at %1, until %2.</source>
        <translation>Sizi bekliyor: %1, son gün %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting: number %1 in the queue, for %2.</source>
        <translation>Sırada: %1. sıradasınız, teslim yeri %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting, for %1.</source>
        <translation>Sırada, teslim yeri %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On its way to %1.</source>
        <translation>Şuraya gönderiliyor: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family member</source>
        <translation>Aile üyesi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the slip from the printer and put it in the item.</source>
        <translation>Yazıcıdan fişi alın ve materyalin içine koyun.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put it back on the pad for a moment: its security tag was not switched yet.</source>
        <translation>Lütfen materyali kısa bir süreliğine tekrar RFID okuyucuya koyun: güvenlik etiketinin durumu henüz değiştirilmedi.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Late fee</source>
        <translation>Gecikme ücreti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rental fee</source>
        <translation>Ödünç alma ücreti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold fee</source>
        <translation>Ayırtma ücreti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost item</source>
        <translation>Kayıp materyal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Damaged item</source>
        <translation>Hasarlı materyal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing part</source>
        <translation>Eksik parça</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Library pass</source>
        <translation>Kütüphane kartı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other costs</source>
        <translation>Diğer ücretler</translation>
    </message>
</context>
<context>
    <name>staff</name>
    <message>
        <location filename="../../kiosk/ui/staff.py" line="+53"/>
        <source>Card reader</source>
        <extracomment>milliseconds between two looks at the kiosk&apos;s state while the staff screen is open</extracomment>
        <translation>Kart okuyucu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanner</source>
        <translation>Barkod okuyucu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt printer</source>
        <translation>Fiş yazıcısı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment terminal</source>
        <translation>Ödeme terminali</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RFID pad</source>
        <translation>RFID okuyucu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Working</source>
        <translation>Çalışıyor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs attention</source>
        <translation>Kontrol edilmeli</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not working</source>
        <translation>Çalışmıyor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sessions</source>
        <translation>Oturumlar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items lent</source>
        <translation>Ödünç verilen materyal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items returned</source>
        <translation>İade edilen materyal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items renewed</source>
        <translation>Süresi uzatılan materyal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipts printed</source>
        <translation>Yazdırılan fiş</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipts e-mailed</source>
        <translation>E-postayla gönderilen fiş</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipts not printed</source>
        <translation>Yazdırılamayan fiş</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payments</source>
        <translation>Ödemeler</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loan</source>
        <translation>Ödünç verme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return</source>
        <translation>İade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid at the terminal, refused by the library system: book or refund</source>
        <translation>Terminalde ödendi, kütüphane sistemi reddetti: sisteme işleyin veya ücreti geri ödeyin</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paid at the terminal, not booked: book it by hand</source>
        <translation>Terminalde ödendi, sisteme işlenmedi: elle işleyin</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payment outcome unknown: check the terminal&apos;s journal</source>
        <translation>Ödeme sonucu bilinmiyor: terminalin günlüğünü kontrol edin</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>done</source>
        <translation>tamamlandı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>card taken away</source>
        <translation>kart çekildi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>timed out</source>
        <translation>süre doldu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>iptal edildi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>card refused</source>
        <translation>kart reddedildi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>out of service</source>
        <translation>hizmet dışı</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The test page was printed.</source>
        <translation>Test sayfası yazdırıldı.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The test page was not printed: %1</source>
        <translation>Test sayfası yazdırılamadı: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This kiosk has no receipt printer.</source>
        <translation>Bu kioskta fiş yazıcısı yok.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synchronised: %1 sent, %2 refused by the library system.</source>
        <translation>Eşitlendi: %1 gönderildi, %2 kütüphane sistemi tarafından reddedildi.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The library system cannot be reached: %3 still waiting (%1 sent).</source>
        <translation>Kütüphane sistemine ulaşılamıyor: %3 işlem hâlâ bekliyor (%1 gönderildi).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Synchronising failed: %1</source>
        <translation>Eşitleme başarısız: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>Offline working is not switched on.</source>
        <translation>Çevrim dışı çalışma açık değil.</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>The kiosk is out of service once you lock this screen.</source>
        <translation>Bu ekranı kilitlediğinizde kiosk hizmet dışı olacak.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The kiosk is in service again once you lock this screen.</source>
        <translation>Bu ekranı kilitlediğinizde kiosk yeniden hizmete girecek.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The settings file has an error; the kiosk keeps the settings it has: %1</source>
        <translation>Ayar dosyasında bir hata var; kiosk mevcut ayarlarını koruyor: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restarting...</source>
        <translation>Yeniden başlatılıyor…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This kiosk cannot restart itself.</source>
        <translation>Bu kiosk kendini yeniden başlatamıyor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The diagnostics were saved as %1</source>
        <translation>Tanılama verileri %1 olarak kaydedildi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The diagnostics were not saved: %1</source>
        <translation>Tanılama verileri kaydedilemedi: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marked as dealt with.</source>
        <translation>Halledildi olarak işaretlendi.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That did not work: %1</source>
        <translation>Bu işlem başarısız oldu: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reachable; the last answer took %1 ms.</source>
        <translation>Ulaşılabiliyor; son yanıt %1 ms sürdü.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot be reached.</source>
        <translation>Ulaşılamıyor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not asked yet.</source>
        <translation>Henüz sorgulanmadı.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The kiosk works offline and records what it does.</source>
        <translation>Kiosk çevrim dışı çalışıyor ve yaptığı her şeyi kaydediyor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 transactions waiting to be sent, %2 refused.</source>
        <translation>%1 işlem gönderilmeyi bekliyor, %2 reddedildi.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The offline journal cannot be read.</source>
        <translation>Çevrim dışı günlük okunamıyor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last synchronised at %1: %2</source>
        <translation>Son eşitleme %1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In service.</source>
        <translation>Hizmette.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out of service, set by staff: %1</source>
        <translation>Hizmet dışı, personel tarafından ayarlandı: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out of service by itself: %1</source>
        <translation>Kendiliğinden hizmet dışı: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold a card against the reader.</source>
        <translation>Okuyucuya bir kart yaklaştırın.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan a barcode.</source>
        <translation>Bir barkod okutun.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was read in 20 seconds. Check the cable and the device&apos;s light.</source>
        <translation>20 saniye içinde hiçbir şey okunmadı. Kabloyu ve cihazın ışığını kontrol edin.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read by the card reader</source>
        <translation>Kart okuyucu okudu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read by the scanner</source>
        <translation>Barkod okuyucu okudu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a pass ending in %1 (%2 characters)</source>
        <translation>%1 ile biten bir kart (%2 karakter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the item barcode %1 (%2 characters)</source>
        <translation>materyal barkodu %1 (%2 karakter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a code this library does not use, ending in %1 (%2 characters)</source>
        <translation>bu kütüphanenin kullanmadığı, %1 ile biten bir kod (%2 karakter)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a code ending in %1 (%2 characters)</source>
        <translation>%1 ile biten bir kod (%2 karakter)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Session ended (%1): %2 lent, %3 returned, %4 renewed</source>
        <translation>Oturum sona erdi (%1): %2 ödünç verme, %3 iade, %4 süre uzatma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 %3</source>
        <translation>%1: %2 %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The library system cannot be reached</source>
        <translation>Kütüphane sistemine ulaşılamıyor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The library system can be reached again</source>
        <translation>Kütüphane sistemine yeniden ulaşılabiliyor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff (%1): %2 %3</source>
        <translation>Personel (%1): %2 %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment %1 of %2: %3</source>
        <translation>Ödeme %1 (%2): %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>paid and booked</source>
        <translation>ödendi ve sisteme işlendi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paid, to be booked when the system answers</source>
        <translation>ödendi, sistem yanıt verince işlenecek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paid, not booked: see the list below</source>
        <translation>ödendi, sisteme işlenmedi: aşağıdaki listeye bakın</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>declined</source>
        <translation>reddedildi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped by the member</source>
        <translation>üye tarafından durduruldu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the terminal did not work</source>
        <translation>terminal çalışmadı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outcome unknown: see the list below</source>
        <translation>sonuç bilinmiyor: aşağıdaki listeye bakın</translation>
    </message>
</context>
</TS>
