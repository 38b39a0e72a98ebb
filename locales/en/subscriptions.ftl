# Announcements: what a student hears about, and stopping them.
menu-announcements = 🔔 Announcements
cmd-announcements = Choose announcements
cmd-stop = Stop all announcements
subs-title = <b>🔔 Announcements from the department</b>
subs-hint = Tap a topic to switch it on or off.
subs-now-all = You get every announcement.
subs-now-some = You get announcements about: { $topics }.
subs-now-none = You get no announcements now.
subs-all = All announcements
subs-on = ✅ { $topic }
subs-off = ▫️ { $topic }
subs-stop-all = 🔕 Stop all
subs-stop-button = 🔕 Stop announcements
subs-stopped = 🔕 Done: you will get no more announcements. You can choose them again at any time.
subs-choose-again = 🔔 Choose again
subs-question = Would you like announcements from the department: new programs, calls for applications, deadlines?
subs-yes-all = Yes, all
subs-choose-topics = Choose topics
subs-no-thanks = No, thanks
subs-subscribed-all = 🔔 Done: you will get every announcement from the department. To stop, send /stop or tap the button under any announcement.
subs-declined = All right. If you change your mind, choose 🔔 Announcements in the menu.
subs-followed = 🔔 You will get announcements about { $topic }. Change it with /announcements.
card-follow-button = 🔔 Subscribe

# Deadline reminders
card-remind-button = ⏰ Deadline reminder
remind-set = ⏰ Reminder set: <b>{ $program }</b>
remind-already-set = ⏰ You already have a reminder: <b>{ $program }</b>
remind-deadline = The deadline is { $deadline } ({ $left }).
remind-when = I will remind you on { $date } at 09:00, Tashkent time.
remind-now = That is soon, so the reminder comes right away.
remind-already-sent = I have already sent you the reminder.
remind-days-left = { $days ->
    [0] today
    [1] tomorrow
   *[other] in { $days } days
}
remind-cancel-button = 🔕 Cancel the reminder
remind-cancelled = 🔕 Reminder cancelled: <b>{ $program }</b>.
remind-no-date = <b>{ $program }</b>: the department has not announced a deadline yet. I have subscribed you to this program's announcements, so you will hear when it does.
remind-message = ⏰ <b>{ $program }</b>: the deadline is { $deadline } ({ $left }).
remind-card-button = 🎓 { $program }
