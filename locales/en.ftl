# Knowledge cards: the texts around an entry's own content.
card-to-confirm = ⚠️ Some details below go beyond the department's published information. Please confirm them with the Department of International Cooperation.
card-marked-to-confirm = (to be confirmed)
card-who-may-apply = Who may apply
card-years = Year of study: { $min }–{ $max }
card-years-from = Year of study: from { $min }
card-years-up-to = Year of study: up to { $max }
card-min-gpa = GPA at least { $value } (out of { $scale })
card-languages = Language certificate (any one): { $list }
card-steps = How to apply
card-documents = Documents
card-deadlines = Deadlines
card-countries = Partner countries
card-contact = Contact
card-related = See also
card-office-hours = Office hours: { $hours }

role-bachelor = bachelor students
role-master = master students
role-doctoral = doctoral students
role-teacher = teachers and professors
role-young-specialist = young specialists and staff

exam-ielts = IELTS { $min }
exam-toefl = TOEFL { $min }
exam-topik = TOPIK level { $min }
exam-hsk = HSK level { $min }
exam-russian = Russian (TORFL) level { $min }

# Search answers
search-no-answer = I could not find a confident answer to that. Try other words, or ask the department directly.
search-did-you-mean = Did you mean:
