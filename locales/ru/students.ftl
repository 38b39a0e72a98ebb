# Карточки знаний: тексты вокруг содержания записи.
card-to-confirm = ⚠️ Часть сведений ниже выходит за рамки официальной информации отдела. Пожалуйста, уточните их в отделе международного сотрудничества.
card-marked-to-confirm = (нужно уточнить)
card-who-may-apply = Кто может участвовать
card-taking-part = Участие
card-years = Бакалавриат: { $min }–{ $max } курс
card-years-from = Бакалавриат: с { $min }-го курса
card-years-up-to = Бакалавриат: до { $max }-го курса
card-min-gpa = Средний балл не ниже { $value } (из { $scale })
card-languages = Языковой сертификат (любой из): { $list }
card-deadlines = Сроки
card-countries = Страны-партнёры
card-contact = Контакты
card-office-hours = Часы приёма: { $hours }

role-bachelor = студенты бакалавриата
role-master = магистранты
role-doctoral = докторанты
role-teacher = преподаватели и профессора
role-young-specialist = молодые специалисты

exam-ielts = IELTS { $min }
exam-toefl = TOEFL { $min }
exam-topik = TOPIK { $min }-го уровня
exam-hsk = HSK { $min }-го уровня
exam-russian = ТРКИ { $min }-го уровня

# Ответы поиска
search-no-answer = Я не нашёл уверенного ответа на этот вопрос. Попробуйте другие слова или спросите отдел напрямую.
search-did-you-mean = Возможно, вы имели в виду:

# Старт, меню и язык
start-welcome = Здравствуйте, { $name }! Я бот отдела международного сотрудничества Джизакского государственного педагогического университета. Спрашивайте о международных программах, странах-партнёрах и о том, к кому обратиться — на узбекском, русском или английском — или выберите ниже.
start-choose-language = Tilni tanlang · Тилни танланг · Выберите язык · Choose a language
menu-title = Что вы хотите узнать?
menu-programs = 🎓 Программы
menu-countries = 🌍 Страны-партнёры
menu-contacts = 📞 Контакты
menu-language = 🌐 Язык
nav-home = 🏠 Меню
nav-back-programs = ⬅️ Программы
nav-back-countries = ⬅️ Страны
nav-back-card = ⬅️ Назад
language-saved = Готово: буду отвечать по-русски.
help-text = Напишите вопрос любыми словами, например: <i>Erasmus</i>, <i>учёба в Корее</i>, <i>2+2 с Беларусью</i>, <i>куда звонить</i>. Или воспользуйтесь меню.

# Списки и карточки
programs-title = <b>Международные программы</b>
    Выберите программу:
countries-title = <b>Страны-партнёры</b>
    ДГПУ сотрудничает с этими странами:
page-previous = ◀️ Предыдущие
page-next = Следующие ▶️
page-of = Страница { $page } из { $pages }
card-apply-button = 📝 Как подать заявку
card-contacts-button = 📞 Контакты
card-programs-of-country = Программы
apply-title = Как подать заявку: { $program }

# Ответы на вопросы
search-alternatives = Другие подходящие темы:
smalltalk-greeting = Здравствуйте! Спрашивайте о международных программах, странах-партнёрах или контактах — или откройте меню.
smalltalk-thanks = Пожалуйста! Спрашивайте ещё в любое время.
smalltalk-identity = Я бот отдела международного сотрудничества Джизакского государственного педагогического университета. Я знаю международные программы университета, страны-партнёры и к кому обращаться.
unsupported-message = Я понимаю текстовые вопросы. Пожалуйста, напишите вопрос словами.

# Особые случаи
stale-button = Эта кнопка устарела. Вот меню.
flood-slow-down = Вы отправляете сообщения слишком часто. Подождите несколько секунд.
error-generic = Извините, у меня что-то пошло не так. Попробуйте, пожалуйста, ещё раз чуть позже.
inline-open-in-bot = Открыть в боте

# Команды
cmd-start = Начало и главное меню
cmd-programs = Международные программы
cmd-countries = Страны-партнёры
cmd-contacts = Контакты отдела
cmd-language = Сменить язык
cmd-help = Как задать вопрос

# The language picker: each language in its own words, the same in every locale
language-name-uz = 🇺🇿 O'zbekcha
language-name-uz-cyrl = 🇺🇿 Ўзбекча
language-name-ru = 🇷🇺 Русский
language-name-en = 🇬🇧 English

card-country-button = 🌍 { $country }
search-alternative-button = 🔎 { $title }

# «Подхожу ли я?»
menu-eligibility = ✅ Подхожу ли я?
elig-cancel = ✖️ Отмена
elig-cancelled = Анкета остановлена, ответы не сохранены. Вот меню.
elig-ask-role = Посмотрим, какие программы вам подходят. Укажите ваш статус:
elig-role-bachelor = Студент бакалавриата
elig-role-master = Магистрант
elig-role-doctoral = Докторант
elig-role-teacher = Преподаватель или профессор
elig-role-young-specialist = Молодой специалист
elig-ask-year = На каком вы курсе?
elig-ask-scale = Какой у вас средний балл (GPA)? Выберите шкалу или сразу напишите балл, например 4,2 или 85.
elig-scale-5 = Из 5
elig-scale-100 = Из 100
elig-scale-skip = Не знаю
elig-ask-gpa = Напишите средний балл по { $scale }-балльной шкале, например { $example }.
elig-gpa-not-a-number = Не получилось прочитать средний балл. Напишите его по { $scale }-балльной шкале, например { $example }.
elig-gpa-out-of-range = По { $scale }-балльной шкале средний балл — от 0 до { $scale }. Напишите его ещё раз.
elig-ask-certificate = Есть ли у вас языковой сертификат? Выберите его или напишите, например IELTS 6.5.
elig-no-more = Больше нет
elig-score-invalid = Балл { $exam } — от { $min } до { $max }. Напишите его ещё раз.
elig-use-buttons = Пожалуйста, ответьте кнопками выше или нажмите «Отмена».
elig-type-answer = Пожалуйста, напишите ответ словами или цифрами, или отправьте /cancel.
elig-result-eligible = <b>Вам подходят уже сейчас:</b>
elig-result-nearly = <b>Почти — чего не хватает:</b>
elig-result-none = Пока ни одна программа не подходит. Отдел может подсказать.
elig-result-others = { $count ->
    [one] Ещё { $count } программа сейчас вам не открыта.
    [few] Ещё { $count } программы сейчас вам не открыты.
   *[many] Ещё { $count } программ сейчас вам не открыты.
}
elig-result-more = …и ещё { $count }.
elig-result-confirm = ⚠️ Это типичные требования, отдел их не подтверждал: уточните их перед подачей заявки.
elig-apply-button = 📝 Как подать заявку: { $program }
elig-gap-role = участвовать могут только { $roles }
elig-gap-year-early = с { $min }-го курса (вы на { $have }-м)
elig-gap-year-late = до { $max }-го курса (вы на { $have }-м)
elig-gap-year-unknown = зависит от курса
elig-gap-gpa = нужен средний балл { $need }, у вас { $have }
elig-gap-gpa-none = нужен средний балл { $need }
elig-gap-language = нужен { $options }, у вас { $have }
elig-gap-language-none = нужен { $options }
elig-or = или

# «Как подать заявку?»
menu-apply = 📝 Как подать заявку
apply-choose = <b>Как подать заявку</b>
    Выберите программу:
apply-step = Шаг { $step } из { $steps }
apply-documents = Документы: готово { $done } из { $total }
apply-documents-hint = Отмечайте документы, которые уже готовы, — я запомню.
apply-no-deadlines = Сроки объявляет отдел.
apply-submit-to = Куда подавать
apply-back = ⬅️ Назад
apply-next = Далее ➡️
cmd-eligibility = Подхожу ли я?
cmd-apply = Как подать заявку
elig-ask-field = Ваше направление или факультет? (Например: английская филология.) Можно пропустить.
elig-skip = Пропустить
elig-ask-interest = Какая страна вам интереснее всего?
elig-any-country = Любая страна
elig-back = ⬅️ Назад
flow-reset = Бот обновился, поэтому ваша незаконченная анкета сброшена. Начните заново: /eligibility.
cmd-cancel = Прервать анкету
exam-name-ielts = IELTS
exam-name-toefl = TOEFL
exam-name-topik = TOPIK
exam-name-hsk = HSK
exam-name-russian = ТРКИ
elig-result-interest-not = <b>{ $program }</b> — сейчас не для вас: { $why }.
elig-roles-not-assessed = уточняйте в отделе
role-candidate-of-science = кандидаты наук
exam-cefr = CEFR { $min ->
    [1] A1
    [2] A2
    [3] B1
    [4] B2
    [5] C1
   *[6] C2
}
exam-national = национальный сертификат { $min ->
    [1] A1
    [2] A2
    [3] B1
    [4] B2
    [5] C1
   *[6] C2
}
exam-name-cefr = CEFR (A1–C2)
exam-name-national = Национальный сертификат
elig-role-candidate-of-science = Преподаватель, кандидат наук
elig-gpa-noted = Принято: средний балл { $value } из { $scale }.
elig-no-certificate = Нет сертификата
elig-ask-another-certificate = Есть ли ещё языковой сертификат? Выберите его или нажмите «Больше нет».
elig-ask-score-ielts = Какой у вас балл IELTS?
elig-ask-score-toefl = Какой у вас балл TOEFL?
elig-ask-score-topik = Какой у вас уровень TOPIK?
elig-ask-score-hsk = Какой у вас уровень HSK?
elig-ask-score-russian = Какой у вас уровень ТРКИ?
elig-ask-score-cefr = Какой уровень CEFR указан в вашем сертификате?
elig-ask-score-national = Какой уровень указан в вашем национальном сертификате?
elig-level-invalid = Уровень { $exam } — от { $min } до { $max }. Напишите его ещё раз.
elig-cefr-invalid = Выберите или напишите уровень, указанный в сертификате: { $levels }.
elig-continue = ▶️ Продолжить анкету
private-chat-only = Это личное: откройте личный чат со мной, чтобы воспользоваться этим.
