# Bilimlar kartochkalari: yozuv mazmuni atrofidagi matnlar.
card-to-confirm = ⚠️ Quyidagi ma'lumotlarning bir qismi bo'limning rasmiy ma'lumotlaridan tashqariga chiqadi. Iltimos, ularni Xalqaro hamkorlik bo'limidan aniqlashtiring.
card-marked-to-confirm = (aniqlashtirilishi kerak)
card-who-may-apply = Kimlar qatnasha oladi
card-taking-part = Ishtirok
card-years = Bakalavriat: { $min }–{ $max }-kurslar
card-years-from = Bakalavriat: { $min }-kursdan
card-years-up-to = Bakalavriat: { $max }-kursgacha
card-min-gpa = O'rtacha ball kamida { $value } ({ $scale } ballik tizimda)
card-languages = Til sertifikati (istalgan biri): { $list }
card-deadlines = Muddatlar
card-countries = Hamkor davlatlar
card-contact = Aloqa
card-office-hours = Qabul vaqti: { $hours }

role-bachelor = bakalavriat talabalari
role-master = magistrantlar
role-doctoral = doktorantlar
role-teacher = professor-o'qituvchilar
role-young-specialist = yosh mutaxassislar

exam-ielts = IELTS { $min }
exam-toefl = TOEFL { $min }
exam-topik = TOPIK { $min }-daraja
exam-hsk = HSK { $min }-daraja
exam-russian = rus tili (TRKI) { $min }-daraja

# Qidiruv javoblari
search-no-answer = Bu savolga ishonchli javob topa olmadim. Boshqa so'zlar bilan yozib ko'ring yoki bo'limning o'zidan so'rang.
search-did-you-mean = Balki siz buni nazarda tutgandirsiz:

# Boshlash, menyu va til
start-welcome = Assalomu alaykum, { $name }! Men Jizzax davlat pedagogika universiteti Xalqaro hamkorlik bo'limining botiman. Xalqaro dasturlar, hamkor davlatlar va kimga murojaat qilish haqida o'zbek, rus yoki ingliz tilida so'rang — yoki quyidan tanlang.
start-choose-language = Tilni tanlang · Тилни танланг · Выберите язык · Choose a language
menu-title = Nima haqida bilmoqchisiz?
menu-programs = 🎓 Dasturlar
menu-countries = 🌍 Hamkor davlatlar
menu-contacts = 📞 Aloqa
menu-language = 🌐 Til
nav-home = 🏠 Menyu
nav-back-programs = ⬅️ Dasturlar
nav-back-countries = ⬅️ Davlatlar
nav-back-card = ⬅️ Orqaga
language-saved = Tayyor: o'zbek tilida javob beraman.
help-text = Savolingizni istalgan so'zlar bilan yozing, masalan: <i>Erasmus</i>, <i>Koreyada o'qish</i>, <i>Belarus bilan 2+2</i>, <i>kimga qo'ng'iroq qilish kerak</i>. Yoki menyudan foydalaning.

# Ro'yxatlar va kartochkalar
programs-title = <b>Xalqaro dasturlar</b>
    Dasturni tanlang:
countries-title = <b>Hamkor davlatlar</b>
    JDPU quyidagi davlatlar bilan hamkorlik qiladi:
page-previous = ◀️ Oldingi
page-next = Keyingi ▶️
page-of = { $page }-sahifa, jami { $pages } ta
card-apply-button = 📝 Ariza topshirish
card-contacts-button = 📞 Aloqa
card-programs-of-country = Dasturlar
apply-title = Ariza topshirish tartibi: { $program }

# Savollarga javoblar
search-alternatives = Mos kelishi mumkin bo'lgan boshqa mavzular:
smalltalk-greeting = Assalomu alaykum! Xalqaro dasturlar, hamkor davlatlar yoki aloqa haqida so'rang — yoki menyuni oching.
smalltalk-thanks = Arzimaydi! Istalgan vaqtda yana so'rang.
smalltalk-identity = Men Jizzax davlat pedagogika universiteti Xalqaro hamkorlik bo'limining botiman. Universitetning xalqaro dasturlari, hamkor davlatlari va kimga murojaat qilishni bilaman.
unsupported-message = Men matnli savollarni tushunaman. Iltimos, savolingizni so'z bilan yozing.

# Maxsus holatlar
stale-button = Bu tugma eskirgan. Mana menyu.
flood-slow-down = Xabarlarni juda tez yuboryapsiz. Iltimos, bir necha soniya kuting.
error-generic = Kechirasiz, menda nimadir noto'g'ri ketdi. Iltimos, birozdan keyin yana urinib ko'ring.
inline-open-in-bot = Botda ochish

# Buyruqlar
cmd-start = Boshlash va bosh menyu
cmd-programs = Xalqaro dasturlar
cmd-countries = Hamkor davlatlar
cmd-contacts = Bo'lim bilan aloqa
cmd-language = Tilni o'zgartirish
cmd-help = Qanday so'rash kerak

# The language picker: each language in its own words, the same in every locale
language-name-uz = 🇺🇿 O'zbekcha
language-name-uz-cyrl = 🇺🇿 Ўзбекча
language-name-ru = 🇷🇺 Русский
language-name-en = 🇬🇧 English

card-country-button = 🌍 { $country }
search-alternative-button = 🔎 { $title }

# "Men mos kelamanmi?"
menu-eligibility = ✅ Men mos kelamanmi?
elig-cancel = ✖️ Bekor qilish
elig-cancelled = So'rovnoma to'xtatildi, javoblaringiz saqlanmadi. Mana menyu.
elig-ask-role = Qaysi dasturlar sizga mos kelishini ko'rib chiqamiz. Maqomingizni tanlang:
elig-role-bachelor = Bakalavriat talabasi
elig-role-master = Magistrant
elig-role-doctoral = Doktorant
elig-role-teacher = O'qituvchi yoki professor
elig-role-young-specialist = Yosh mutaxassis
elig-ask-year = Nechanchi kursda o'qiysiz?
elig-ask-scale = O'rtacha ballingiz (GPA) qancha? Tizimni tanlang yoki ballni yozing, masalan 4,2 yoki 85.
elig-scale-5 = 5 ballik
elig-scale-100 = 100 ballik
elig-scale-skip = Bilmayman
elig-ask-gpa = O'rtacha ballingizni { $scale } ballik tizimda yozing, masalan { $example }.
elig-gpa-not-a-number = Buni o'rtacha ball deb o'qiy olmadim. { $scale } ballik tizimda yozing, masalan { $example }.
elig-gpa-out-of-range = { $scale } ballik tizimda o'rtacha ball 0 dan { $scale } gacha bo'ladi. Qaytadan yozing.
elig-ask-certificate = Til sertifikatingiz bormi? Uni tanlang yoki yozing, masalan IELTS 6.5.
elig-no-more = Boshqa yo'q
elig-score-invalid = { $exam } natijasi { $min } dan { $max } gacha bo'ladi. Qaytadan yozing.
elig-use-buttons = Iltimos, yuqoridagi tugmalar bilan javob bering yoki «Bekor qilish»ni bosing.
elig-type-answer = Iltimos, javobni so'z yoki raqam bilan yozing yoki /cancel yuboring.
elig-result-eligible = <b>Hozir mos kelasiz:</b>
elig-result-nearly = <b>Deyarli — nima yetishmaydi:</b>
elig-result-none = Hozircha hech bir dastur mos kelmaydi. Bo'lim maslahat berishi mumkin.
elig-result-others = Hozir siz uchun ochiq bo'lmagan yana { $count } ta dastur bor.
elig-result-more = …va yana { $count } ta.
elig-result-confirm = ⚠️ Bu talablar odatiy talablar, bo'lim ularni tasdiqlamagan: ariza topshirishdan oldin aniqlashtirib oling.
elig-apply-button = 📝 Ariza topshirish: { $program }
elig-gap-role = faqat { $roles } qatnasha oladi
elig-gap-year-early = { $min }-kursdan (siz { $have }-kursdasiz)
elig-gap-year-late = { $max }-kursgacha (siz { $have }-kursdasiz)
elig-gap-year-unknown = kursingizga bog'liq
elig-gap-gpa = o'rtacha ball { $need } kerak, sizda { $have }
elig-gap-gpa-none = o'rtacha ball { $need } kerak
elig-gap-language = { $options } kerak, sizda { $have }
elig-gap-language-none = { $options } kerak
elig-or = yoki

# "Ariza topshirish"
menu-apply = 📝 Ariza topshirish
apply-choose = <b>Ariza topshirish tartibi</b>
    Dasturni tanlang:
apply-step = { $steps } qadamdan { $step }-qadam
apply-documents = Hujjatlar: { $total } tadan { $done } tasi tayyor
apply-documents-hint = Tayyor bo'lgan hujjatni belgilang — eslab qolaman.
apply-no-deadlines = Muddatlarni bo'lim e'lon qiladi.
apply-submit-to = Qayerga topshiriladi
apply-back = ⬅️ Orqaga
apply-next = Keyingi ➡️
cmd-eligibility = Men mos kelamanmi?
cmd-apply = Ariza topshirish tartibi
elig-ask-field = Yo'nalishingiz yoki fakultetingiz qanday? (Masalan: ingliz filologiyasi.) Bu savolni o'tkazib yuborsangiz ham bo'ladi.
elig-skip = O'tkazib yuborish
elig-ask-interest = Qaysi davlat sizni ko'proq qiziqtiradi?
elig-any-country = Istalgan davlat
elig-back = ⬅️ Orqaga
flow-reset = Bot yangilandi, shuning uchun tugallanmagan so'rovnomangiz bekor qilindi. Qaytadan boshlang: /eligibility.
cmd-cancel = So'rovnomani to'xtatish
exam-name-ielts = IELTS
exam-name-toefl = TOEFL
exam-name-topik = TOPIK
exam-name-hsk = HSK
exam-name-russian = TRKI
elig-result-interest-not = <b>{ $program }</b> hozircha siz uchun ochiq emas: { $why }.
elig-roles-not-assessed = bo'limdan so'rang
role-candidate-of-science = fan nomzodlari
exam-cefr = CEFR { $min ->
    [1] A1
    [2] A2
    [3] B1
    [4] B2
    [5] C1
   *[6] C2
}
exam-national = milliy sertifikat { $min ->
    [1] A1
    [2] A2
    [3] B1
    [4] B2
    [5] C1
   *[6] C2
}
exam-name-cefr = CEFR (A1–C2)
exam-name-national = Milliy sertifikat
elig-role-candidate-of-science = O'qituvchi, fan nomzodi
elig-gpa-noted = Yozib oldim: o'rtacha ball { $value } ({ $scale } ballik tizimda).
elig-no-certificate = Sertifikatim yo'q
elig-ask-another-certificate = Yana til sertifikatingiz bormi? Uni tanlang yoki «Boshqa yo'q»ni bosing.
elig-ask-score-ielts = IELTS natijangiz qancha?
elig-ask-score-toefl = TOEFL natijangiz qancha?
elig-ask-score-topik = TOPIK darajangiz qanday?
elig-ask-score-hsk = HSK darajangiz qanday?
elig-ask-score-russian = TRKI darajangiz qanday?
elig-ask-score-cefr = Sertifikatingizda CEFR bo'yicha qaysi daraja ko'rsatilgan?
elig-ask-score-national = Milliy sertifikatingizda qaysi daraja ko'rsatilgan?
elig-level-invalid = { $exam } darajasi { $min } dan { $max } gacha bo'ladi. Qaytadan yozing.
elig-cefr-invalid = Sertifikatingizda ko'rsatilgan darajani tanlang yoki yozing: { $levels }.
elig-continue = ▶️ So'rovnomani davom ettirish
private-chat-only = Bu shaxsiy: undan foydalanish uchun men bilan shaxsiy chatni oching.
