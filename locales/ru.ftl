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
