# The department's staff tools. Students never see these.

staff-only = This is for the department's staff only.
staff-owners-only = Only the bot's owners (ADMIN_IDS) can do this.

cmd-broadcast = Send an announcement to students
cmd-broadcasts = Past and running announcements
cmd-questions = Students' open questions
cmd-unanswered = What the bot could not answer
cmd-stats = Statistics
cmd-staff = Staff members (owners)

cmd-close = Close a question without an answer (reply to its post in the staff chat)
## /staff

staff-title = Staff members: { $count }
staff-owners-note = Owners (ADMIN_IDS in the bot's settings) are staff too and are not listed here.
staff-remove-button = ➖ Remove { $name }
staff-add-button = ➕ Add a staff member
staff-choose-prompt = Choose the person with the button below. They will see the staff commands once they have started the bot.
staff-choose-person = 👤 Choose a person
staff-choose-cancel = ✖️ Cancel
staff-choose-cancelled = Cancelled.
staff-added = ✅ { $name } is now staff.
staff-added-not-started = ✅ { $name } is now staff. Ask them to open the bot and press Start to see the staff commands.

## /broadcast

bc-ask-audience = 📣 New announcement. Who should receive it?
bc-audience-all-button = Everyone subscribed to all announcements ({ $count })
bc-audience-by-language = By language
bc-audience-by-topic = By program or country
bc-ask-language = Which language? (Subscribers to all announcements who read the bot in it.)
bc-ask-topic = Which program or country? (Its subscribers and everyone subscribed to all announcements.)
bc-use-buttons = Please use the buttons, or /cancel.
bc-nobody = Nobody would receive it: { $audience } has no subscribers yet.
bc-ask-message = Recipients: { $audience }, { $count } in all.

    Now send me the announcement exactly as students should see it: text with formatting, a photo, a video, a document or an album. It will be copied as it is.
bc-not-copyable = This kind of message cannot be forwarded to students. Send text, a photo, a video, a document or an album.
bc-preview-title = Check before sending
bc-to = To: { $audience }
bc-preview-count = Recipients: { $count }
bc-preview-album = Message: the album above, { $count } items
bc-preview-message = Message: the one above, copied as it is
bc-button-send-now = 📤 Send now to { $count }
bc-button-schedule = 🕒 Schedule
bc-button-cancel = ✖️ Cancel
bc-ask-time = When should it go out? Type the date and time in Tashkent time, for example { $example }
bc-time-format = I could not read that time. Type it like 01.12.2026 09:00 (day.month.year hours:minutes, Tashkent time).
bc-time-past = That time has already passed. Type a time in the future.
bc-time-too-far = That is more than a year ahead. Check the year.
bc-preparing = 📣 Preparing the announcement…
bc-cancelled = Cancelled. Nothing was sent.

## A broadcast's card and progress

bc-title = 📣 Announcement #{ $id }
bc-audience-all = subscribers to all announcements
bc-audience-topic = subscribers to { $title }
bc-status-scheduled = 🕒 Scheduled for { $time } (Tashkent)
bc-status-running = ⏳ Sending…
bc-status-paused = ⏸ Paused
bc-status-source-missing = ⏸ Paused: the message to send was deleted from this chat. Cancel this announcement and send it again.
bc-status-bot-rejected = ⏸ Paused: Telegram refused the bot itself (was the token revoked? is TELEGRAM_API_ROOT right?). Fix the bot's settings, then Resume.
bc-status-cancelled = ✖️ Cancelled
bc-status-done = ✅ Finished
bc-figure-sent = Sent: { $count }
bc-figure-blocked = Blocked the bot: { $count }
bc-figure-failed = Failed: { $count }
bc-figure-remaining = Remaining: { $count }
bc-eta = About { $minutes } min left
bc-button-pause = ⏸ Pause
bc-button-resume = ▶️ Resume
bc-button-resend = 🔁 Resend to the { $count } failed
bc-report-done = ✅ Announcement #{ $id } finished in { $minutes } min.
bc-report-cancelled = ✖️ Announcement #{ $id } was cancelled.

## /broadcasts

bc-list-title = 📣 Latest announcements
bc-list-empty = No announcements yet. Send one with /broadcast.
bc-list-line = #{ $id } · { $when } · { $status }
    To: { $audience }
    Sent { $sent } of { $total } · blocked { $blocked } · failed { $failed }
bc-state-scheduled = scheduled
bc-state-running = sending
bc-state-paused = paused
bc-state-cancelled = cancelled
bc-state-done = finished
bc-paused = Paused.
bc-resumed = Resumed.
bc-not-running = It is not being sent right now.
bc-not-paused = It is not paused.
bc-confirm-cancel = Cancel announcement #{ $id }? The { $pending } students who have not received it yet will not get it.
bc-button-confirm-cancel = ✖️ Yes, cancel it
bc-button-keep = ↩️ No, keep it
bc-cancelled-broadcast = Cancelled.
bc-already-over = It is already over.
bc-resend-not-over = It is still being sent: resend its failed recipients once it is over.
bc-resend-nobody = Nobody to resend announcement #{ $id } to: its failed recipients have blocked the bot since, or there were none.
bc-resend-started = Resending as announcement #{ $id }.

cmd-chatid = This chat's id (for STAFF_CHAT_ID)
staff-chat-id = This chat's id is <code>{ $id }</code>. To post students' questions here, set STAFF_CHAT_ID={ $id } in the bot's settings and restart it.
