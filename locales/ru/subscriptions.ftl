# Объявления: о чём студент хочет слышать, и как это прекратить.
menu-announcements = 🔔 Объявления
cmd-announcements = Выбрать объявления
cmd-stop = Отписаться от всех объявлений
subs-title = <b>🔔 Объявления отдела</b>
subs-hint = Нажмите на тему, чтобы включить или выключить её.
subs-now-all = Вы получаете все объявления.
subs-now-some = Вы получаете объявления по темам: { $topics }.
subs-now-none = Сейчас вы не получаете объявлений.
subs-all = Все объявления
subs-on = ✅ { $topic }
subs-off = ▫️ { $topic }
subs-stop-all = 🔕 Отписаться от всех
subs-stop-button = 🔕 Отписаться от объявлений
subs-stopped = 🔕 Готово: объявления больше не придут. Выбрать их снова можно в любое время.
subs-choose-again = 🔔 Выбрать снова
subs-question = Хотите получать объявления отдела: новые программы, конкурсы, сроки подачи?
subs-yes-all = Да, все
subs-choose-topics = Выбрать темы
subs-no-thanks = Нет, спасибо
subs-subscribed-all = 🔔 Готово: вы будете получать все объявления отдела. Чтобы отписаться, отправьте /stop или нажмите кнопку под любым объявлением.
subs-declined = Хорошо. Если передумаете, выберите 🔔 Объявления в меню.
subs-followed = 🔔 Вы будете получать объявления по теме «{ $topic }». Изменить: /announcements.
card-follow-button = 🔔 Подписаться

# Напоминания о сроках
card-remind-button = ⏰ Напомнить о сроке
remind-set = ⏰ Напоминание установлено: <b>{ $program }</b>
remind-already-set = ⏰ Напоминание уже установлено: <b>{ $program }</b>
remind-deadline = Срок подачи — { $deadline } ({ $left }).
remind-when = Я напомню { $date } в 09:00 по ташкентскому времени.
remind-now = Это скоро, поэтому напоминание придёт сразу.
remind-already-sent = Я уже отправил вам напоминание.
remind-days-left = { $days ->
    [0] сегодня
    [1] завтра
    [one] через { $days } день
    [few] через { $days } дня
   *[other] через { $days } дней
}
remind-cancel-button = 🔕 Отменить напоминание
remind-cancelled = 🔕 Напоминание отменено: <b>{ $program }</b>.
remind-no-date = <b>{ $program }</b>: отдел ещё не объявил срок подачи. Я подписал вас на объявления этой программы — вы узнаете, когда срок объявят.
remind-message = ⏰ <b>{ $program }</b>: срок подачи — { $deadline } ({ $left }).
remind-card-button = 🎓 { $program }
