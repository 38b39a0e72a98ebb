# Карточки знаний: тексты вокруг содержания записи.
card-to-confirm = ⚠️ Часть сведений ниже выходит за рамки официальной информации отдела. Пожалуйста, уточните их в отделе международного сотрудничества.
card-marked-to-confirm = (требует уточнения)
card-who-may-apply = Кто может участвовать
card-years = Курс: { $min }–{ $max }
card-years-from = Курс: с { $min }-го
card-years-up-to = Курс: до { $max }-го
card-min-gpa = Средний балл не ниже { $value } (из { $scale })
card-languages = Языковой сертификат (любой из): { $list }
card-steps = Как подать заявку
card-documents = Документы
card-deadlines = Сроки
card-countries = Страны-партнёры
card-contact = Контакты
card-related = См. также
card-office-hours = Часы приёма: { $hours }

role-bachelor = студенты бакалавриата
role-master = магистранты
role-doctoral = докторанты
role-teacher = преподаватели и профессора
role-young-specialist = молодые специалисты и сотрудники

exam-ielts = IELTS { $min }
exam-toefl = TOEFL { $min }
exam-topik = TOPIK уровень { $min }
exam-hsk = HSK уровень { $min }
exam-russian = русский язык (ТРКИ), уровень { $min }

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
card-apply-button = 📝 Как подать заявку
card-contacts-button = 📞 Контакты
card-programs-of-country = Программы
apply-title = Как подать заявку: { $program }

# Ответы на вопросы
search-alternatives = Другие подходящие разделы:
search-no-answer-hint = Можно также открыть меню или позвонить в отдел.
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
