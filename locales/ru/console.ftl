# Консоль знаний (/console): сотрудники редактируют базу знаний в браузере или прямо в Telegram.

cmd-console = Редактировать базу знаний (ссылка для входа)
console-off = Консоль знаний выключена: в настройках бота не задан PUBLIC_URL. Попросите того, кто запускает бота, указать публичный адрес бота.
console-link = 🔐 Ваша ссылка для входа в консоль знаний. Она действует один раз, в течение 10 минут:
    { $url }

    Не пересылайте её: кто откроет её первым, войдёт от вашего имени.
console-too-many = Вы запросили несколько ссылок за 10 минут. Используйте последнюю или подождите несколько минут.
console-knowledge-button = 📚 База знаний
# A program's new deadlines, announced from the console: one paragraph per language, then /broadcast's preview.
console-deadline-announcement = 📅 { $title }: { $count ->
        [one] новый срок
       *[other] новые сроки
    }
    { $deadlines }
console-deadline-button = 📣 Объявить подписчикам программы
