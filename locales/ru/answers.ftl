# Короткие ответы на заданный вопрос (src/bot/ui/answer-view.ts).
facet-eligibility = Кто может участвовать
facet-language = Языковые сертификаты
facet-documents = Документы
facet-steps = Как подать заявку
facet-deadlines = Сроки
facet-cost = Стоимость и финансирование
facet-duration = Продолжительность
facet-contacts = Контакты
facet-countries = Страны

facet-button-eligibility = 👤 Кто может участвовать
facet-button-language = 🗣 Язык
facet-button-documents = 📄 Документы
facet-button-steps = 📝 Как подать заявку
facet-button-deadlines = 📅 Сроки
facet-button-cost = 💳 Стоимость
facet-button-duration = ⏳ Продолжительность
facet-button-contacts = 📞 Контакты
facet-button-countries = 🌍 Страны
facet-full-card-button = ℹ️ Подробнее

facet-missing-eligibility = По программе «{ $title }» отдел пока не сообщил, кто может участвовать.
facet-missing-language = По программе «{ $title }» отдел пока не сообщил требования к языку.
facet-missing-documents = По программе «{ $title }» отдел пока не опубликовал список документов.
facet-missing-steps = По программе «{ $title }» отдел пока не сообщил, как подать заявку.
facet-missing-deadlines = По программе «{ $title }» отдел пока не объявил сроки.
facet-missing-cost = По программе «{ $title }» отдел пока не сообщил стоимость.
facet-missing-duration = По программе «{ $title }» отдел пока не сообщил продолжительность.
facet-missing-contacts = По программе «{ $title }» отдел пока не указал контакт.
facet-missing-countries = По программе «{ $title }» отдел пока не назвал страны.
facet-missing-other = По теме «{ $title }» отдел пока этого не сообщал.
facet-ask-phone = 📞 Телефон отдела: { $phone }

across-title = { $facet }: по программам
across-not-published = пока не объявлено
across-not-listed = нет в списке
across-choose-program = У каждой программы свой порядок подачи. Выберите программу:
across-name-program = У каждой программы свой порядок подачи. Спросите о нужной программе по её названию, например: «как подать заявку на Erasmus Mundus».
across-none-published = Ни по одной программе отдел пока этого не сообщил.

other-country = { $country } не входит в число стран-партнёров отдела.
other-country-partners = Страны-партнёры: { $list } и ряд других стран.
other-country-button = 🌍 Страны-партнёры

out-of-scope-title = Это вопрос другого отдела
out-of-scope-to-confirm = Этот совет выходит за рамки официальной информации отдела.
deadline-passed = (срок прошёл)
