# "Bo'limdan so'rash": talabalar savollari, xodimlar javoblari va bot nimani o'rganadi (/unanswered).
# Xodimlar chatidagi xabarlar (questions-post, -delivered, -undeliverable) doim ingliz tilida.

# Talabalar
questions-ask-button = ✉️ Bo'limdan so'rash
questions-ask-prompt = Xalqaro hamkorlik bo'limiga savolingizni bitta xabarda yozing ({ $max } belgigacha). Xodim sizga shu yerda, shu chatda javob beradi.
questions-cancel-button = ✖️ Bekor qilish
questions-cancelled = Yuborilmadi. Nima haqida bilmoqchisiz?
questions-type-text = Iltimos, savolingizni matn bilan yozing yoki "Bekor qilish"ni bosing.
questions-too-short = Juda qisqa: iltimos, savolingizni bir necha so'z bilan yozing.
questions-too-long = Iltimos, savolni { $max } belgidan oshirmang (hozir { $length }) yoki avval asosiysini yuboring.
questions-confirm = Bu savol Xalqaro hamkorlik bo'limiga yuborilsinmi?

    <i>{ $question }</i>
questions-send-button = ✅ Yuborish
questions-sent = ✅ Bo'limga { $number }-savol sifatida yuborildi. Javob shu yerga, shu chatga keladi.
questions-duplicate = Bu savolni allaqachon yuborgansiz ({ $number }-savol). Javob shu yerga, shu chatga keladi.
questions-too-many = Sizning { $count } ta savolingiz javob kutmoqda. Iltimos, bo'lim ularga javob berguncha kuting, keyin yana so'rang.
questions-not-sent = Kechirasiz, savolingizni hozir yuborib bo'lmadi. Birozdan keyin qayta urinib ko'ring yoki bo'limga qo'ng'iroq qiling.
questions-private-only = Bo'limdan so'rash uchun menga shaxsiy chatda yozing.
questions-answer-header = 📩 <b>Bo'lim { $number }-savolingizga javob berdi:</b>
    <i>{ $question }</i>

# Xodimlar chati
questions-post = ❓ <b>Savol #{ $number }</b>
    Kimdan: { $name } · { $language }

    { $text }

    <i>Javob berish uchun shu xabarga reply qiling: bot javobingizni (matn, rasm, fayl...) talabaga yuboradi.</i>
questions-not-staff = Talabalarga bot orqali faqat bo'lim xodimlari javob bera oladi. Bot egasi sizni /staff buyrug'i bilan qo'shishi mumkin.
questions-delivered = ✅ Yetkazildi: { $name }.
questions-undeliverable = ⚠️ Yetkazilmadi: { $name } botni bloklagan.

# /questions
questions-off = Bo'limga savollar o'chirilgan: STAFF_CHAT_ID berilmagan (README'ga qarang).
questions-private-command = Iltimos, bu buyruqdan men bilan shaxsiy chatda yoki xodimlar chatida foydalaning.
questions-none = Ochiq savollar yo'q: hammasiga javob berilgan.
questions-list-title = <b>Ochiq savollar: { $count }</b> (eng eskisi birinchi)
questions-list-item = <b>#{ $number }</b> · { $name } · { $language } · { $age }
    { $text }
questions-list-more = …va yana { $count } ta.
questions-list-hint = Javob berish uchun xodimlar chatidagi savol xabariga reply qiling: bot javobni talabaga yetkazadi.
questions-blocked-mark = (botni bloklagan)
questions-age-minutes = { $count } daqiqa oldin
questions-age-hours = { $count } soat oldin
questions-age-days = { $count } kun oldin

# /unanswered
unanswered-none = Ko'rib chiqadigan narsa yo'q: oxirgi ko'rib chiqishdan beri qidiruv har bir savolga javob topdi.
unanswered-title = <b>Bot javob bera olmagan savollar</b> (jami { $count }), eng ko'p so'ralgani birinchi. Qaysi yozuv javob berishini botga ko'rsatish uchun savolni bosing.
unanswered-item = { $rank }. <i>{ $query }</i> — { $count }×
unanswered-variants = ({ $count } xil yozilgan)
unanswered-pick = <i>{ $query }</i> — { $count }× so'ralgan.
unanswered-pick-variants = Yana shunday yozilgan: { $list }
unanswered-pick-hint = Qaysi yozuv bunga javob berishi kerak? ⭐ — qidiruvning eng yaxshi taxminlari. { $page }/{ $pages }-sahifa.
unanswered-guess-button = ⭐ { $title }
unanswered-dismiss-button = 🗑 Bot uchun emas
unanswered-back-button = ⬅️ Ro'yxatga
unanswered-learned = ✅ O'rganildi: <i>{ $query }</i> endi <b>{ $title }</b> yozuviga olib boradi.
    Yangi sinonimlar: { $aliases }
    Yopilgan savollar: { $count }. Qidiruv buni hoziroq ishlatadi; <code>npm run kb:export-aliases</code> uni bilimlar fayllariga yozadi.
unanswered-dismissed = 🗑 Rad etildi: <i>{ $query }</i> ({ $count } ta savol).
unanswered-gone = Bu savol allaqachon ko'rib chiqilgan.
questions-closed = 🗂 Savol №{ $number } javobsiz yopildi.
questions-close-how = Savolni javobsiz yopish uchun xodimlar chatidagi postiga /close deb javob yozing.
