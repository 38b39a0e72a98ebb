# Short answers to the question asked (src/bot/ui/answer-view.ts).
facet-eligibility = Who may apply
facet-language = Language certificates
facet-documents = Documents
facet-steps = How to apply
facet-deadlines = Deadlines
facet-cost = Cost and funding
facet-duration = Duration
facet-contacts = Contacts
facet-countries = Countries

facet-button-eligibility = 👤 Who may apply
facet-button-language = 🗣 Language
facet-button-documents = 📄 Documents
facet-button-steps = 📝 How to apply
facet-button-deadlines = 📅 Deadlines
facet-button-cost = 💳 Cost
facet-button-duration = ⏳ Duration
facet-button-contacts = 📞 Contacts
facet-button-countries = 🌍 Countries
facet-full-card-button = ℹ️ More details

facet-missing-eligibility = The department has not yet published who may apply to { $title }.
facet-missing-language = The department has not yet published language requirements for { $title }.
facet-missing-documents = The department has not yet published the list of documents for { $title }.
facet-missing-steps = The department has not yet published how to apply to { $title }.
facet-missing-deadlines = The department has not yet published the deadlines for { $title }.
facet-missing-cost = The department has not yet published the cost of { $title }.
facet-missing-duration = The department has not yet published how long { $title } lasts.
facet-missing-contacts = The department has not yet published a contact for { $title }.
facet-missing-countries = The department has not yet published the countries of { $title }.
facet-missing-other = The department has not yet published this for { $title }.
facet-ask-phone = 📞 Call the department: { $phone }

across-title = { $facet }: by program
across-not-published = not published yet
across-not-listed = not listed
across-choose-program = Each program has its own steps. Choose one:
across-name-program = Each program has its own steps. Ask about the one you need by its name, for example: “how to apply for Erasmus Mundus”.
across-none-published = The department has not yet published this for any of its programs.

other-country = { $country } is not among the department's partner countries.
other-country-partners = Partner countries: { $list } and a number of other countries.
other-country-button = 🌍 Partner countries

out-of-scope-title = Another office answers this
out-of-scope-to-confirm = This advice goes beyond the department's published information.
deadline-passed = (deadline passed)
