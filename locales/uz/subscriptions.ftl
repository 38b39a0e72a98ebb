# E'lonlar: talaba nima haqida eshitmoqchi, va ularni to'xtatish.
menu-announcements = 🔔 E'lonlar
cmd-announcements = E'lonlarni tanlash
cmd-stop = Barcha e'lonlarni to'xtatish
subs-title = <b>🔔 Bo'lim e'lonlari</b>
subs-hint = Mavzuni yoqish yoki o'chirish uchun ustiga bosing.
subs-now-all = Siz barcha e'lonlarni olasiz.
subs-now-some = Siz quyidagilar haqidagi e'lonlarni olasiz: { $topics }.
subs-now-none = Hozir siz e'lon olmaysiz.
subs-all = Barcha e'lonlar
subs-on = ✅ { $topic }
subs-off = ▫️ { $topic }
subs-stop-all = 🔕 Hammasini to'xtatish
subs-stop-button = 🔕 E'lonlarni to'xtatish
subs-stopped = 🔕 Tayyor: endi e'lonlar kelmaydi. Istalgan vaqtda ularni qayta tanlashingiz mumkin.
subs-choose-again = 🔔 Qayta tanlash
subs-question = Bo'limdan e'lonlar olishni xohlaysizmi: yangi dasturlar, tanlovlar, topshirish muddatlari?
subs-yes-all = Ha, hammasi
subs-choose-topics = Mavzularni tanlash
subs-no-thanks = Yo'q, rahmat
subs-subscribed-all = 🔔 Tayyor: bo'limning barcha e'lonlarini olasiz. To'xtatish uchun /stop yuboring yoki istalgan e'lon ostidagi tugmani bosing.
subs-declined = Yaxshi. Fikringiz o'zgarsa, menyudagi 🔔 E'lonlar tugmasini bosing.
subs-followed = 🔔 { $topic } haqidagi e'lonlarni olasiz. O'zgartirish: /announcements.
card-follow-button = 🔔 Obuna bo'lish

# Muddat eslatmalari
card-remind-button = ⏰ Muddatni eslatish
remind-set = ⏰ Eslatma o'rnatildi: <b>{ $program }</b>
remind-already-set = ⏰ Eslatma allaqachon o'rnatilgan: <b>{ $program }</b>
remind-deadline = Topshirish muddati: { $deadline } ({ $left }).
remind-when = { $date } kuni Toshkent vaqti bilan soat 09:00 da eslataman.
remind-now = Muddat yaqin, shuning uchun eslatma darhol keladi.
remind-already-sent = Eslatmani sizga allaqachon yubordim.
remind-days-left = { $days ->
    [0] bugun
    [1] ertaga
   *[other] { $days } kundan keyin
}
remind-cancel-button = 🔕 Eslatmani bekor qilish
remind-cancelled = 🔕 Eslatma bekor qilindi: <b>{ $program }</b>.
remind-no-date = <b>{ $program }</b>: bo'lim hali topshirish muddatini e'lon qilmagan. Sizni ushbu dastur e'lonlariga obuna qildim — muddat e'lon qilinganda xabardor bo'lasiz.
remind-message = ⏰ <b>{ $program }</b>: topshirish muddati { $deadline } ({ $left }).
remind-card-button = 🎓 { $program }
