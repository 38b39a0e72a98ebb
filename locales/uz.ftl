# Bilimlar kartochkalari: yozuv mazmuni atrofidagi matnlar.
card-to-confirm = ⚠️ Quyidagi ma'lumotlarning bir qismi bo'limning rasmiy ma'lumotlaridan tashqariga chiqadi. Iltimos, ularni Xalqaro hamkorlik bo'limidan aniqlashtiring.
card-marked-to-confirm = (aniqlashtirilishi kerak)
card-who-may-apply = Kimlar qatnasha oladi
card-years = Kurs: { $min }–{ $max }
card-years-from = Kurs: { $min }-kursdan
card-years-up-to = Kurs: { $max }-kursgacha
card-min-gpa = O'rtacha ball kamida { $value } ({ $scale } ballik tizimda)
card-languages = Til sertifikati (istalgan biri): { $list }
card-steps = Qanday hujjat topshiriladi
card-documents = Hujjatlar
card-deadlines = Muddatlar
card-countries = Hamkor davlatlar
card-contact = Aloqa
card-related = Shuningdek
card-office-hours = Qabul vaqti: { $hours }

role-bachelor = bakalavriat talabalari
role-master = magistrantlar
role-doctoral = doktorantlar
role-teacher = o'qituvchi va professorlar
role-young-specialist = yosh mutaxassislar va xodimlar

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
card-apply-button = 📝 Qanday topshiriladi
card-contacts-button = 📞 Aloqa
card-programs-of-country = Dasturlar
apply-title = Qanday topshiriladi: { $program }

# Savollarga javoblar
search-alternatives = Mos kelishi mumkin bo'lgan boshqa bo'limlar:
search-no-answer-hint = Menyuni ochishingiz yoki bo'limga qo'ng'iroq qilishingiz mumkin.
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
