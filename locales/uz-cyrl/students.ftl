# Uzbek in Cyrillic script: only the messages that converting locales/uz/ cannot give.
# Every other key is the uz message converted (src/text/translit.ts).

# The language picker names each language in its own words, the same in every language.
start-choose-language = Tilni tanlang · Тилни танланг · Выберите язык · Choose a language
language-name-uz = 🇺🇿 O'zbekcha
language-name-en = 🇬🇧 English
