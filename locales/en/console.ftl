# The knowledge console (/console): staff edit the knowledge base in a browser or inside Telegram.

cmd-console = Edit the knowledge base (a login link)
console-off = The knowledge console is off: the bot's PUBLIC_URL setting is not set. Ask whoever runs the bot to set it to the bot's public address.
console-link = 🔐 Your login link to the knowledge console. It works once, within 10 minutes:
    { $url }

    Do not forward it: whoever opens it first is signed in as you.
console-too-many = You asked for several login links within 10 minutes. Use the last one, or wait a few minutes.
console-knowledge-button = 📚 Knowledge
# A program's new deadlines, announced from the console: one paragraph per language, then /broadcast's preview.
console-deadline-announcement = 📅 { $title }: { $count ->
        [one] a new deadline
       *[other] new deadlines
    }
    { $deadlines }
console-deadline-button = 📣 Announce to this program's subscribers
