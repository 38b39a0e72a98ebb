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
