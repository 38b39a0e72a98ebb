# «Спросить отдел»: вопросы студентов, ответы сотрудников и то, чему учится бот (/unanswered).
# Сообщения в чате сотрудников (questions-post, -delivered, -undeliverable) всегда на английском.

# Студенты
questions-ask-button = ✉️ Спросить отдел
questions-ask-prompt = Напишите ваш вопрос отделу международного сотрудничества одним сообщением (до { $max } символов). Сотрудник ответит вам здесь, в этом чате.
questions-cancel-button = ✖️ Отмена
questions-cancelled = Не отправлено. Что вы хотите узнать?
questions-type-text = Пожалуйста, напишите вопрос текстом или нажмите «Отмена».
questions-too-short = Слишком коротко: пожалуйста, опишите вопрос в нескольких словах.
questions-too-long = Пожалуйста, уложитесь в { $max } символов (сейчас { $length }) или отправьте сначала главное.
questions-confirm = Отправить этот вопрос в отдел международного сотрудничества?

    <i>{ $question }</i>
questions-send-button = ✅ Отправить
questions-sent = ✅ Отправлено в отдел, вопрос №{ $number }. Ответ придёт сюда, в этот чат.
questions-duplicate = Вы уже отправили этот вопрос (№{ $number }). Ответ придёт сюда, в этот чат.
questions-too-many = { $count ->
    [one] Ответа ещё ждёт { $count } ваш вопрос.
    [few] Ответа ещё ждут { $count } ваших вопроса.
   *[many] Ответа ещё ждут { $count } ваших вопросов.
} Пожалуйста, дождитесь ответа отдела и тогда спросите снова.
questions-not-sent = Извините, сейчас не удалось отправить вопрос. Попробуйте позже или позвоните в отдел.
questions-private-only = Чтобы спросить отдел, напишите мне в личный чат.
questions-answer-header = 📩 <b>Отдел ответил на ваш вопрос №{ $number }:</b>
    <i>{ $question }</i>

# Чат сотрудников
questions-post = ❓ <b>Вопрос №{ $number }</b>
    От: { $name } · { $language }

    { $text }

    <i>Чтобы ответить, ответьте (reply) на это сообщение: бот перешлёт ваш ответ (текст, фото, файл...) студенту.</i>
questions-not-staff = Отвечать студентам через бота могут только сотрудники отдела. Владелец бота может добавить вас командой /staff.
questions-delivered = ✅ Доставлено: { $name }.
questions-undeliverable = ⚠️ Не доставлено: { $name } заблокировал(а) бота.

# /questions
questions-off = Вопросы отделу выключены: не задан STAFF_CHAT_ID (см. README).
questions-private-command = Пожалуйста, используйте эту команду в личном чате со мной или в чате сотрудников.
questions-none = Открытых вопросов нет: на все вопросы ответили.
questions-list-title = <b>Открытые вопросы: { $count }</b> (сначала самые старые)
questions-list-item = <b>№{ $number }</b> · { $name } · { $language } · { $age }
    { $text }
questions-list-more = …и ещё { $count }.
questions-list-hint = Чтобы ответить, ответьте (reply) на сообщение с вопросом в чате сотрудников: бот доставит ответ студенту.
questions-blocked-mark = (заблокировал(а) бота)
questions-age-minutes = { $count } мин назад
questions-age-hours = { $count } ч назад
questions-age-days = { $count ->
    [one] { $count } день назад
    [few] { $count } дня назад
   *[other] { $count } дней назад
}

# /unanswered
unanswered-none = Разбирать нечего: с последнего разбора поиск ответил на все вопросы.
unanswered-title = <b>Вопросы, на которые бот не смог ответить</b> (всего { $count }), сначала самые частые. Нажмите на вопрос, чтобы указать боту запись, которая на него отвечает.
unanswered-item = { $rank }. <i>{ $query }</i> — { $count }×
unanswered-variants = (вариантов написания: { $count })
unanswered-pick = <i>{ $query }</i> — спросили { $count }×.
unanswered-pick-variants = Также писали: { $list }
unanswered-pick-hint = Какая запись должна на это отвечать? ⭐ — лучшие догадки поиска. Страница { $page } из { $pages }.
unanswered-guess-button = ⭐ { $title }
unanswered-dismiss-button = 🗑 Не для бота
unanswered-back-button = ⬅️ К списку
unanswered-learned = ✅ Выучено: <i>{ $query }</i> теперь ведёт к записи <b>{ $title }</b>.
    Новые синонимы: { $aliases }
    Закрыто вопросов: { $count }. Поиск использует это уже сейчас; <code>npm run kb:export-aliases</code> запишет это в файлы базы знаний.
unanswered-dismissed = 🗑 Отклонено: <i>{ $query }</i> (вопросов: { $count }).
unanswered-gone = Этот вопрос уже разобран.
questions-closed = 🗂 Вопрос №{ $number } закрыт без ответа.
questions-close-how = Чтобы закрыть вопрос без ответа, ответьте /close на его пост в чате сотрудников.
