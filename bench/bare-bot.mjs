// The baseline for `npm run bench:bot`: a bare grammY bot on the same runner
// that answers every message with a fixed text. Plain JavaScript, like the
// compiled bot it is compared with.
import { run } from "@grammyjs/runner";
import { Bot } from "grammy";

const bot = new Bot(process.env.BOT_TOKEN, { client: { apiRoot: process.env.TELEGRAM_API_ROOT } });
bot.on("message", (ctx) => ctx.reply("Thank you for your question."));
const runner = run(bot);
process.once("SIGTERM", () => void runner.stop().then(() => process.exit(0)));
