# Bo'lim xodimlari uchun vositalar. Talabalar ularni ko'rmaydi.

staff-only = Bu faqat bo'lim xodimlari uchun.
staff-owners-only = Buni faqat bot egalari (ADMIN_IDS) qila oladi.

cmd-broadcast = Talabalarga e'lon yuborish
cmd-broadcasts = O'tgan va joriy e'lonlar
cmd-questions = Talabalarning ochiq savollari
cmd-unanswered = Bot javob bera olmagan savollar
cmd-stats = Statistika
cmd-staff = Xodimlar (bot egalari uchun)

cmd-close = Savolni javobsiz yopish (xodimlar chatidagi postiga javob sifatida)
## /staff

staff-title = Xodimlar: { $count }
staff-owners-note = Bot egalari (sozlamalardagi ADMIN_IDS) ham xodim hisoblanadi va bu ro'yxatda ko'rsatilmaydi.
staff-remove-button = ➖ Olib tashlash: { $name }
staff-add-button = ➕ Xodim qo'shish
staff-choose-prompt = Quyidagi tugma orqali odamni tanlang. U botni ishga tushirgach, xodim buyruqlarini ko'radi.
staff-choose-person = 👤 Odamni tanlash
staff-choose-cancel = ✖️ Bekor qilish
staff-choose-cancelled = Bekor qilindi.
staff-added = ✅ { $name } endi xodim.
staff-added-not-started = ✅ { $name } endi xodim. Xodim buyruqlarini ko'rishi uchun undan botni ochib, «Start» tugmasini bosishini so'rang.

## /broadcast

bc-ask-audience = 📣 Yangi e'lon. Kimga yuborilsin?
bc-audience-all-button = Barcha e'lonlarga obuna bo'lganlarga ({ $count })
bc-audience-by-language = Til bo'yicha
bc-audience-by-topic = Dastur yoki davlat bo'yicha
bc-ask-language = Qaysi til? (Barcha e'lonlarga obuna bo'lgan va botni shu tilda o'qiydiganlar.)
bc-ask-topic = Qaysi dastur yoki davlat? (Uning obunachilari va barcha e'lonlarga obuna bo'lganlar.)
bc-use-buttons = Iltimos, tugmalardan foydalaning yoki /cancel.
bc-nobody = Qabul qiluvchi yo'q: «{ $audience }» auditoriyasida hali obunachi yo'q.
bc-ask-message = Qabul qiluvchilar: { $audience }, jami { $count }.

    Endi e'lonni talabalar ko'rishi kerak bo'lgan ko'rinishda yuboring: formatlangan matn, rasm, video, hujjat yoki albom. U o'zgarishsiz nusxalanadi.
bc-not-copyable = Bunday xabarni talabalarga yuborib bo'lmaydi. Matn, rasm, video, hujjat yoki albom yuboring.
bc-preview-title = Yuborishdan oldin tekshiring
bc-to = Kimga: { $audience }
bc-preview-count = Qabul qiluvchilar: { $count }
bc-preview-album = Xabar: yuqoridagi albom, { $count } ta element
bc-preview-message = Xabar: yuqoridagisi, o'zgarishsiz nusxalanadi
bc-button-send-now = 📤 Hozir yuborish ({ $count })
bc-button-schedule = 🕒 Rejalashtirish
bc-button-cancel = ✖️ Bekor qilish
bc-ask-time = Qachon yuborilsin? Sana va vaqtni Toshkent vaqti bilan yozing, masalan { $example }
bc-time-format = Vaqtni o'qiy olmadim. Shunday yozing: 01.12.2026 09:00 (kun.oy.yil soat:daqiqa, Toshkent vaqti).
bc-time-past = Bu vaqt o'tib ketgan. Kelajakdagi vaqtni yozing.
bc-time-too-far = Bu bir yildan ko'proq keyin. Yilni tekshiring.
bc-preparing = 📣 E'lon tayyorlanmoqda…
bc-cancelled = Bekor qilindi. Hech narsa yuborilmadi.

## A broadcast's card and progress

bc-title = 📣 E'lon №{ $id }
bc-audience-all = barcha e'lonlar obunachilari
bc-audience-topic = obunachilar: { $title }
bc-status-scheduled = 🕒 { $time } ga rejalashtirilgan (Toshkent)
bc-status-running = ⏳ Yuborilmoqda…
bc-status-paused = ⏸ To'xtatilgan
bc-status-source-missing = ⏸ To'xtatilgan: yuboriladigan xabar bu chatdan o'chirilgan. Bu e'lonni bekor qilib, qaytadan yuboring.
bc-status-bot-rejected = ⏸ To'xtatilgan: Telegram botning o'zini rad etdi (token bekor qilinganmi? TELEGRAM_API_ROOT to'g'rimi?). Bot sozlamalarini tuzating, so'ng «Davom ettirish»ni bosing.
bc-status-cancelled = ✖️ Bekor qilingan
bc-status-done = ✅ Yakunlangan
bc-figure-sent = Yuborildi: { $count }
bc-figure-blocked = Botni bloklagan: { $count }
bc-figure-failed = Yetkazilmadi: { $count }
bc-figure-remaining = Qoldi: { $count }
bc-eta = Taxminan { $minutes } daqiqa qoldi
bc-button-pause = ⏸ To'xtatish
bc-button-resume = ▶️ Davom ettirish
bc-button-resend = 🔁 Yetkazilmagan { $count } kishiga qayta yuborish
bc-report-done = ✅ E'lon №{ $id } { $minutes } daqiqada yuborildi.
bc-report-cancelled = ✖️ E'lon №{ $id } bekor qilindi.

## /broadcasts

bc-list-title = 📣 So'nggi e'lonlar
bc-list-empty = Hali e'lonlar yo'q. Birinchisini /broadcast buyrug'i bilan yuboring.
bc-list-line = №{ $id } · { $when } · { $status }
    Kimga: { $audience }
    { $total } tadan { $sent } ta yuborildi · bloklagan { $blocked } · yetkazilmadi { $failed }
bc-state-scheduled = rejalashtirilgan
bc-state-running = yuborilmoqda
bc-state-paused = to'xtatilgan
bc-state-cancelled = bekor qilingan
bc-state-done = yakunlangan
bc-paused = To'xtatildi.
bc-resumed = Davom etmoqda.
bc-not-running = Hozir u yuborilmayapti.
bc-not-paused = U to'xtatilmagan.
bc-confirm-cancel = E'lon №{ $id } bekor qilinsinmi? Uni hali olmagan { $pending } talaba olmaydi.
bc-button-confirm-cancel = ✖️ Ha, bekor qilish
bc-button-keep = ↩️ Yo'q, qoldirish
bc-cancelled-broadcast = Bekor qilindi.
bc-already-over = U allaqachon yakunlangan.
bc-resend-not-over = U hali yuborilmoqda: yetkazilmaganlarga yakunlangandan keyin qayta yuborish mumkin.
bc-resend-nobody = E'lon №{ $id } ni qayta yuboradigan hech kim yo'q: yetkazilmaganlar o'shandan beri botni bloklagan yoki ular bo'lmagan.
bc-resend-started = Qayta yuborilmoqda: e'lon №{ $id }.

cmd-chatid = Bu chatning id raqami (STAFF_CHAT_ID uchun)
staff-chat-id = Bu chatning id raqami: <code>{ $id }</code>. Talabalarning savollari shu yerga kelishi uchun bot sozlamalarida STAFF_CHAT_ID={ $id } ni belgilang va botni qayta ishga tushiring.
