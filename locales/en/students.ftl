# Knowledge cards: the texts around an entry's own content.
card-to-confirm = ⚠️ Some details below go beyond the department's published information. Please confirm them with the Department of International Cooperation.
card-marked-to-confirm = (to be confirmed)
card-who-may-apply = Who may apply
card-taking-part = Taking part
card-years = Bachelor students: years { $min }–{ $max }
card-years-from = Bachelor students: from year { $min }
card-years-up-to = Bachelor students: up to year { $max }
card-min-gpa = GPA at least { $value } (out of { $scale })
card-languages = Language certificate (any one): { $list }
card-deadlines = Deadlines
card-countries = Partner countries
card-contact = Contacts
card-office-hours = Office hours: { $hours }

role-bachelor = bachelor students
role-master = master's students
role-doctoral = doctoral students
role-teacher = teachers and professors
role-young-specialist = young specialists

exam-ielts = IELTS { $min }
exam-toefl = TOEFL { $min }
exam-topik = TOPIK level { $min }
exam-hsk = HSK level { $min }
exam-russian = TORFL level { $min }

# Search answers
search-no-answer = I could not find a confident answer to that. Try other words, or ask the department directly.
search-did-you-mean = Did you mean:

# Start, menu and language
start-welcome = Hello, { $name }! I am the bot of the Department of International Cooperation of Jizzakh State Pedagogical University. Ask me about international programs, partner countries and whom to contact — in Uzbek, Russian or English — or choose below.
start-choose-language = Tilni tanlang · Тилни танланг · Выберите язык · Choose a language
menu-title = What would you like to know?
menu-programs = 🎓 Programs
menu-countries = 🌍 Partner countries
menu-contacts = 📞 Contacts
menu-language = 🌐 Language
nav-home = 🏠 Menu
nav-back-programs = ⬅️ Programs
nav-back-countries = ⬅️ Countries
nav-back-card = ⬅️ Back
language-saved = Done: I will answer in English.
help-text = Write your question in any words, for example: <i>Erasmus</i>, <i>study in Korea</i>, <i>2+2 with Belarus</i>, <i>whom to call</i>. Or use the menu.

# Lists and cards
programs-title = <b>International programs</b>
    Choose a program:
countries-title = <b>Partner countries</b>
    JSPU cooperates with these countries:
page-previous = ◀️ Previous
page-next = Next ▶️
page-of = Page { $page } of { $pages }
card-apply-button = 📝 How to apply
card-contacts-button = 📞 Contacts
card-programs-of-country = Programs
apply-title = How to apply: { $program }

# Free-text answers
search-alternatives = Other topics that may fit:
smalltalk-greeting = Hello! Ask me about international programs, partner countries or contacts — or open the menu.
smalltalk-thanks = You are welcome! Ask anything else any time.
smalltalk-identity = I am the bot of the Department of International Cooperation of Jizzakh State Pedagogical University. I know the university's international programs, partner countries and whom to contact.
unsupported-message = I understand text questions. Please write your question in words.

# Telegram edge cases
stale-button = This button is out of date. Here is the menu.
flood-slow-down = You are sending messages too fast. Please wait a few seconds.
error-generic = Sorry, something went wrong on my side. Please try again in a moment.
inline-open-in-bot = Open in the bot

# Commands (shown in Telegram's command menu)
cmd-start = Start and main menu
cmd-programs = International programs
cmd-countries = Partner countries
cmd-contacts = Contacts of the department
cmd-language = Change the language
cmd-help = How to ask

# The language picker: each language in its own words, the same in every locale
language-name-uz = 🇺🇿 O'zbekcha
language-name-uz-cyrl = 🇺🇿 Ўзбекча
language-name-ru = 🇷🇺 Русский
language-name-en = 🇬🇧 English

card-country-button = 🌍 { $country }
search-alternative-button = 🔎 { $title }

# "Am I eligible?"
menu-eligibility = ✅ Am I eligible?
elig-cancel = ✖️ Cancel
elig-cancelled = Questionnaire stopped; your answers were not saved. Here is the menu.
elig-ask-role = Let's see which programs fit you. Which of these describes you?
elig-role-bachelor = Bachelor's student
elig-role-master = Master's student
elig-role-doctoral = Doctoral student
elig-role-teacher = Teacher or professor
elig-role-young-specialist = Young specialist
elig-ask-year = Which year of study are you in?
elig-ask-scale = What is your GPA (average grade)? Choose the scale, or just type it, for example 4.2 or 85.
elig-scale-5 = Out of 5
elig-scale-100 = Out of 100
elig-scale-skip = I don't know
elig-ask-gpa = Type your GPA out of { $scale }, for example { $example }.
elig-gpa-not-a-number = I could not read that as a GPA. Type it out of { $scale }, for example { $example }.
elig-gpa-out-of-range = A GPA out of { $scale } is between 0 and { $scale }. Please type it again.
elig-ask-certificate = Do you have a language certificate? Choose it, or type it, for example IELTS 6.5.
elig-no-more = No more
elig-score-invalid = { $exam } scores go from { $min } to { $max }. Please type your score again.
elig-use-buttons = Please answer with the buttons above, or Cancel.
elig-type-answer = Please type the answer in words or numbers, or send /cancel.
elig-result-eligible = <b>You qualify now for:</b>
elig-result-nearly = <b>Nearly — what is missing:</b>
elig-result-none = No program fits you yet. The department can advise you.
elig-result-others = { $count ->
    [one] One more program is not open to you now.
   *[other] { $count } more programs are not open to you now.
}
elig-result-more = { $count ->
    [one] …and one more.
   *[other] …and { $count } more.
}
elig-result-confirm = ⚠️ These criteria are typical ones, not confirmed by the department: please confirm them before applying.
elig-apply-button = 📝 How to apply: { $program }
elig-gap-role = only { $roles } may take part
elig-gap-year-early = from year { $min } of study (you are in year { $have })
elig-gap-year-late = up to year { $max } of study (you are in year { $have })
elig-gap-year-unknown = depends on your year of study
elig-gap-gpa = GPA { $need } is needed, you have { $have }
elig-gap-gpa-none = GPA { $need } is needed
elig-gap-language = { $options } is needed, you have { $have }
elig-gap-language-none = { $options } is needed
elig-or = or

# "How do I apply?"
menu-apply = 📝 How to apply
apply-choose = <b>How to apply</b>
    Choose a program:
apply-step = Step { $step } of { $steps }
apply-documents = Documents: { $done } of { $total } ready
apply-documents-hint = Tap a document when you have it ready; I will remember.
apply-no-deadlines = The department announces the deadlines.
apply-submit-to = Where to submit
apply-back = ⬅️ Back
apply-next = Next ➡️
cmd-eligibility = Am I eligible?
cmd-apply = How to apply
elig-ask-field = What is your field of study or faculty? (For example: English philology.) You can skip this.
elig-skip = Skip
elig-ask-interest = Is there a country you are most interested in?
elig-any-country = Any country
elig-back = ⬅️ Back
flow-reset = The bot was updated, so your unfinished questionnaire was reset. Start it again with /eligibility.
cmd-cancel = Stop the questionnaire
exam-name-ielts = IELTS
exam-name-toefl = TOEFL
exam-name-topik = TOPIK
exam-name-hsk = HSK
exam-name-russian = TORFL
elig-result-interest-not = <b>{ $program }</b> is not open to you now: { $why }.
elig-roles-not-assessed = ask the department
role-candidate-of-science = candidates of science
exam-cefr = CEFR { $min ->
    [1] A1
    [2] A2
    [3] B1
    [4] B2
    [5] C1
   *[6] C2
}
exam-national = national certificate { $min ->
    [1] A1
    [2] A2
    [3] B1
    [4] B2
    [5] C1
   *[6] C2
}
exam-name-cefr = CEFR (A1–C2)
exam-name-national = National certificate
elig-role-candidate-of-science = Teacher, candidate of science
elig-gpa-noted = Got it: GPA { $value } out of { $scale }.
elig-no-certificate = I don't have one
elig-ask-another-certificate = Any other language certificate? Choose it, or "No more".
elig-ask-score-ielts = What is your IELTS score?
elig-ask-score-toefl = What is your TOEFL score?
elig-ask-score-topik = What is your TOPIK level?
elig-ask-score-hsk = What is your HSK level?
elig-ask-score-russian = What is your TORFL level?
elig-ask-score-cefr = Which CEFR level does your certificate show?
elig-ask-score-national = Which level does your national certificate show?
elig-level-invalid = { $exam } levels go from { $min } to { $max }. Please type your level again.
elig-cefr-invalid = Please choose or type the level shown on your certificate: { $levels }.
elig-continue = ▶️ Continue the questionnaire
private-chat-only = This is personal: open a private chat with me to use it.
