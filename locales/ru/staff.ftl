# Инструменты сотрудников отдела. Студенты их не видят.

staff-only = Это только для сотрудников отдела.
staff-owners-only = Это могут делать только владельцы бота (ADMIN_IDS).

cmd-broadcast = Отправить объявление студентам
cmd-broadcasts = Прошедшие и текущие объявления
cmd-questions = Открытые вопросы студентов
cmd-unanswered = На что бот не смог ответить
cmd-stats = Статистика
cmd-staff = Сотрудники (для владельцев)

cmd-close = Закрыть вопрос без ответа (ответом на его пост в чате сотрудников)
## /staff

staff-title = Сотрудники: { $count }
staff-owners-note = Владельцы (ADMIN_IDS в настройках бота) тоже сотрудники и здесь не показаны.
staff-remove-button = ➖ Убрать: { $name }
staff-add-button = ➕ Добавить сотрудника
staff-choose-prompt = Выберите человека кнопкой ниже. Команды сотрудника появятся у него, когда он запустит бота.
staff-choose-person = 👤 Выбрать человека
staff-choose-cancel = ✖️ Отмена
staff-choose-cancelled = Отменено.
staff-added = ✅ { $name } теперь сотрудник.
staff-added-not-started = ✅ { $name } теперь сотрудник. Попросите его открыть бота и нажать «Старт», чтобы увидеть команды сотрудника.

## /broadcast

bc-ask-audience = 📣 Новое объявление. Кому отправить?
bc-audience-all-button = Всем подписчикам всех объявлений ({ $count })
bc-audience-by-language = По языку
bc-audience-by-topic = По программе или стране
bc-ask-language = Какой язык? (Подписчики всех объявлений, читающие бота на этом языке.)
bc-ask-topic = Какая программа или страна? (Её подписчики и все подписчики всех объявлений.)
bc-use-buttons = Пожалуйста, используйте кнопки или /cancel.
bc-nobody = Получателей нет: у аудитории «{ $audience }» пока нет подписчиков.
bc-ask-message = Получатели: { $audience }, всего { $count }.

    Теперь пришлите объявление так, как его должны увидеть студенты: текст с форматированием, фото, видео, документ или альбом. Оно будет скопировано как есть.
bc-not-copyable = Такое сообщение нельзя переслать студентам. Пришлите текст, фото, видео, документ или альбом.
bc-preview-title = Проверьте перед отправкой
bc-to = Кому: { $audience }
bc-preview-count = Получателей: { $count }
bc-preview-album = Сообщение: альбом выше, элементов: { $count }
bc-preview-message = Сообщение: то, что выше, копируется как есть
bc-button-send-now = 📤 Отправить сейчас ({ $count })
bc-button-schedule = 🕒 Запланировать
bc-button-cancel = ✖️ Отмена
bc-ask-time = Когда отправить? Напишите дату и время по Ташкенту, например { $example }
bc-time-format = Не удалось прочитать время. Напишите так: 01.12.2026 09:00 (день.месяц.год часы:минуты, время Ташкента).
bc-time-past = Это время уже прошло. Укажите время в будущем.
bc-time-too-far = Это больше чем через год. Проверьте год.
bc-preparing = 📣 Готовлю объявление…
bc-cancelled = Отменено. Ничего не отправлено.

## A broadcast's card and progress

bc-title = 📣 Объявление №{ $id }
bc-audience-all = подписчики всех объявлений
bc-audience-topic = подписчики: { $title }
bc-status-scheduled = 🕒 Запланировано на { $time } (Ташкент)
bc-status-running = ⏳ Отправляется…
bc-status-paused = ⏸ Приостановлено
bc-status-source-missing = ⏸ Приостановлено: сообщение для рассылки удалено из этого чата. Отмените это объявление и отправьте его заново.
bc-status-bot-rejected = ⏸ Приостановлено: Telegram отказал самому боту (токен отозван? верен ли TELEGRAM_API_ROOT?). Исправьте настройки бота и нажмите «Продолжить».
bc-status-cancelled = ✖️ Отменено
bc-status-done = ✅ Завершено
bc-figure-sent = Отправлено: { $count }
bc-figure-blocked = Заблокировали бота: { $count }
bc-figure-failed = Не доставлено: { $count }
bc-figure-remaining = Осталось: { $count }
bc-eta = Осталось примерно { $minutes } мин
bc-button-pause = ⏸ Пауза
bc-button-resume = ▶️ Продолжить
bc-button-resend = 🔁 Повторить для { $count } недоставленных
bc-report-done = ✅ Объявление №{ $id } отправлено за { $minutes } мин.
bc-report-cancelled = ✖️ Объявление №{ $id } отменено.

## /broadcasts

bc-list-title = 📣 Последние объявления
bc-list-empty = Объявлений пока нет. Отправьте первое командой /broadcast.
bc-list-line = №{ $id } · { $when } · { $status }
    Кому: { $audience }
    Отправлено { $sent } из { $total } · заблокировали { $blocked } · не доставлено { $failed }
bc-state-scheduled = запланировано
bc-state-running = отправляется
bc-state-paused = на паузе
bc-state-cancelled = отменено
bc-state-done = завершено
bc-paused = Приостановлено.
bc-resumed = Продолжаем.
bc-not-running = Сейчас оно не отправляется.
bc-not-paused = Оно не на паузе.
bc-confirm-cancel = Отменить объявление №{ $id }? Его не получат те, кому оно ещё не пришло (получателей: { $pending }).
bc-button-confirm-cancel = ✖️ Да, отменить
bc-button-keep = ↩️ Нет, оставить
bc-cancelled-broadcast = Отменено.
bc-already-over = Оно уже завершено.
bc-resend-not-over = Оно ещё отправляется: повторить для недоставленных можно после завершения.
bc-resend-nobody = Повторять объявление №{ $id } некому: недоставленные получатели с тех пор заблокировали бота, или их не было.
bc-resend-started = Повторная отправка: объявление №{ $id }.

cmd-chatid = Id этого чата (для STAFF_CHAT_ID)
staff-chat-id = Id этого чата: <code>{ $id }</code>. Чтобы вопросы студентов приходили сюда, укажите STAFF_CHAT_ID={ $id } в настройках бота и перезапустите его.
