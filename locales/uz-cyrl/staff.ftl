# Uzbek in Cyrillic script: only the messages that converting locales/uz/ cannot give.

# A chat's "ID" is written in Latin letters in Cyrillic too.
cmd-chatid = Бу чатнинг ID рақами (STAFF_CHAT_ID учун)
staff-chat-id = Бу чатнинг ID рақами: <code>{ $id }</code>. Талабаларнинг саволлари шу ерга келиши учун бот созламаларида STAFF_CHAT_ID={ $id } ни белгиланг ва ботни қайта ишга туширинг.
