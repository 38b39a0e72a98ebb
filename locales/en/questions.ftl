# "Ask the department": students' questions, staff replies, and what the bot learns (/unanswered).
# The staff chat's posts (questions-post, -delivered, -undeliverable) are always in English.

# Students
questions-ask-button = ✉️ Ask the department
questions-ask-prompt = Type your question to the Department of International Cooperation in one message (up to { $max } characters). A staff member will answer you here, in this chat.
questions-cancel-button = ✖️ Cancel
questions-cancelled = Not sent. What would you like to know?
questions-type-text = Please type your question as a text message, or press Cancel.
questions-too-short = That is very short: please write your question in a few words.
questions-too-long = Please keep your question within { $max } characters (it has { $length }), or send the main point first.
questions-confirm = Send this question to the Department of International Cooperation?

    <i>{ $question }</i>
questions-send-button = ✅ Send
questions-sent = ✅ Sent to the department as question #{ $number }. The answer will come here, in this chat.
questions-duplicate = You have already sent this question (#{ $number }). The answer will come here, in this chat.
questions-too-many = You already have { $count } questions waiting for an answer. Please wait until the department answers them, then ask again.
questions-not-sent = Sorry, your question could not be sent just now. Please try again later, or call the department.
questions-private-only = Write to me in a private chat to ask the department.
questions-answer-header = 📩 <b>The department answered your question #{ $number }:</b>
    <i>{ $question }</i>

# The staff chat
questions-post = ❓ <b>Question #{ $number }</b>
    From: { $name } · { $language }

    { $text }

    <i>Reply to this message to answer: the bot sends your reply (text, photo, file...) to the student.</i>
questions-not-staff = Only the department's staff can answer students through the bot. An owner can add you with /staff.
questions-delivered = ✅ Delivered to { $name }.
questions-undeliverable = ⚠️ Not delivered: { $name } has blocked the bot.

# /questions
questions-off = Questions to the department are off: STAFF_CHAT_ID is not set (see the README).
questions-private-command = Please use this command in a private chat with me, or in the staff chat.
questions-none = No open questions: every question has been answered.
questions-list-title = <b>Open questions: { $count }</b> (oldest first)
questions-list-item = <b>#{ $number }</b> · { $name } · { $language } · { $age }
    { $text }
questions-list-more = …and { $count } more.
questions-list-hint = To answer, reply to the question's post in the staff chat: the bot delivers your reply to the student.
questions-blocked-mark = (has blocked the bot)
questions-age-minutes = { $count } min ago
questions-age-hours = { $count } h ago
questions-age-days = { $count ->
    [one] { $count } day ago
   *[other] { $count } days ago
}

# /unanswered
unanswered-none = Nothing to review: search has answered every question since the last review.
unanswered-title = <b>Questions the bot could not answer</b> ({ $count } in all), most asked first. Tap one to tell the bot which entry answers it.
unanswered-item = { $rank }. <i>{ $query }</i> — { $count }×
unanswered-variants = ({ $count } wordings)
unanswered-pick = <i>{ $query }</i> — asked { $count }×.
unanswered-pick-variants = Also written as: { $list }
unanswered-pick-hint = Which entry should answer it? ⭐ marks the search's best guesses. Page { $page } of { $pages }.
unanswered-guess-button = ⭐ { $title }
unanswered-dismiss-button = 🗑 Not for the bot
unanswered-back-button = ⬅️ Back to the list
unanswered-learned = ✅ Learned: <i>{ $query }</i> now leads to <b>{ $title }</b>.
    New aliases: { $aliases }
    Questions resolved: { $count }. The search uses it from now on; <code>npm run kb:export-aliases</code> writes it into the knowledge files.
unanswered-dismissed = 🗑 Dismissed: <i>{ $query }</i> ({ $count ->
    [one] { $count } question
   *[other] { $count } questions
}).
unanswered-gone = This question has already been resolved.
questions-closed = 🗂 Question #{ $number } closed without an answer.
questions-close-how = To close a question without answering it, reply /close to its post in the staff chat.
