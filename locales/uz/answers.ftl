# Berilgan savolga qisqa javoblar (src/bot/ui/answer-view.ts).
facet-eligibility = Kimlar qatnasha oladi
facet-language = Til sertifikatlari
facet-documents = Hujjatlar
facet-steps = Ariza topshirish tartibi
facet-deadlines = Muddatlar
facet-cost = Narxi va moliyalashtirish
facet-duration = Davomiyligi
facet-contacts = Aloqa
facet-countries = Davlatlar

facet-button-eligibility = 👤 Kimlar qatnasha oladi
facet-button-language = 🗣 Til
facet-button-documents = 📄 Hujjatlar
facet-button-steps = 📝 Ariza topshirish
facet-button-deadlines = 📅 Muddatlar
facet-button-cost = 💳 Narxi
facet-button-duration = ⏳ Davomiyligi
facet-button-contacts = 📞 Aloqa
facet-button-countries = 🌍 Davlatlar
facet-full-card-button = ℹ️ Batafsil

facet-missing-eligibility = { $title } bo'yicha kimlar qatnasha olishini bo'lim hali e'lon qilmagan.
facet-missing-language = { $title } bo'yicha til talablarini bo'lim hali e'lon qilmagan.
facet-missing-documents = { $title } bo'yicha hujjatlar ro'yxatini bo'lim hali e'lon qilmagan.
facet-missing-steps = { $title } bo'yicha ariza topshirish tartibini bo'lim hali e'lon qilmagan.
facet-missing-deadlines = { $title } bo'yicha muddatlarni bo'lim hali e'lon qilmagan.
facet-missing-cost = { $title } bo'yicha narxni bo'lim hali e'lon qilmagan.
facet-missing-duration = { $title } qancha davom etishini bo'lim hali e'lon qilmagan.
facet-missing-contacts = { $title } bo'yicha aloqa ma'lumotini bo'lim hali e'lon qilmagan.
facet-missing-countries = { $title } bo'yicha davlatlarni bo'lim hali e'lon qilmagan.
facet-missing-other = { $title } bo'yicha bo'lim bu haqda hali ma'lumot e'lon qilmagan.
facet-ask-phone = 📞 Bo'lim telefoni: { $phone }

across-title = { $facet }: dasturlar bo'yicha
across-not-published = hali e'lon qilinmagan
across-not-listed = ro'yxatda yo'q
across-choose-program = Har bir dasturning o'z tartibi bor. Dasturni tanlang:
across-name-program = Har bir dasturning o'z tartibi bor. Kerakli dastur haqida nomini yozib so'rang, masalan: «Erasmus Mundus dasturiga ariza qanday topshiriladi».
across-none-published = Bo'lim buni hali hech bir dastur bo'yicha e'lon qilmagan.

other-country = { $country } bo'limning hamkor davlatlari qatorida yo'q.
other-country-partners = Hamkor davlatlar: { $list } va bir qator boshqa davlatlar.
other-country-button = 🌍 Hamkor davlatlar

out-of-scope-title = Bu savol boshqa bo'limga tegishli
out-of-scope-to-confirm = Bu maslahat bo'limning rasmiy ma'lumotlaridan tashqarida.
deadline-passed = (muddati o'tgan)
