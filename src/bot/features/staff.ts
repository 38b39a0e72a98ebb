/**
 * /staff (owners): who the department's staff are, adding one by picking
 * them from Telegram's contact chooser (a request_users button: no ids to
 * copy), and removing one. Staff get their commands (and, with an https
 * PUBLIC_URL, the console's menu button) in their own chat.
 */
import { Composer, InlineKeyboard, Keyboard } from "grammy";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { hideStaffCommands, showStaffCommands } from "../commands.js";
import { endFlowsIn } from "../middleware/flows.js";
import { contentLang } from "../locale.js";
import { isolate } from "../ui/bidi.js";
import { callback } from "../ui/callback-data.js";
import { escapeHtml } from "../ui/html.js";
import { keyboardOf } from "../ui/keyboard.js";
import { reply, show, type View } from "../ui/view.js";

/** Identifies our "choose a person" button's answer (Telegram echoes it back). */
const ADD_REQUEST_ID = 1;

export function staffFeature({ store, i18n, settings }: Pick<BotDeps, "store" | "i18n" | "settings">) {
  const feature = new Composer<BotContext>();
  const privateChats = feature.chatType("private");

  function staffView(ctx: BotContext): View {
    const members = store.staff.list();
    const lines = members.map((m) => `• ${escapeHtml(isolate(m.name))} (<code>${m.userId}</code>)`);
    const html = [escapeHtml(ctx.t("staff-title", { count: members.length })), ...lines, escapeHtml(ctx.t("staff-owners-note"))].join("\n");
    const remove = members.map((m) => [InlineKeyboard.text(ctx.t("staff-remove-button", { name: isolate(m.name) }), callback.staffRemove(m.userId))]);
    return { html, keyboard: keyboardOf(...remove, [InlineKeyboard.text(ctx.t("staff-add-button"), callback.staffAdd())]) };
  }

  /** Refused in roles.ts for students; staff who are not owners are refused here. */
  const ownersOnly = async (ctx: BotContext) => {
    if (ctx.role === "owner") return true;
    await ctx.answerCallbackQuery({ text: ctx.t("staff-owners-only"), show_alert: true });
    return false;
  };

  privateChats.command("staff", (ctx) => reply(ctx, staffView(ctx)));
  // Sent in the staff group, it tells the owner the value for STAFF_CHAT_ID.
  feature.command("chatid", (ctx) => ctx.reply(ctx.t("staff-chat-id", { id: String(ctx.chat.id) }), { parse_mode: "HTML" }));

  feature.callbackQuery(callback.staffAdd(), async (ctx) => {
    if (!(await ownersOnly(ctx))) return;
    const chooser = new Keyboard()
      .requestUsers(ctx.t("staff-choose-person"), ADD_REQUEST_ID, { user_is_bot: false, request_name: true, request_username: true })
      .row()
      .text(ctx.t("staff-choose-cancel"))
      .resized()
      .oneTime();
    await ctx.reply(ctx.t("staff-choose-prompt"), { reply_markup: chooser });
  });

  privateChats.on("message:users_shared", async (ctx, next) => {
    const shared = ctx.message.users_shared;
    if (shared.request_id !== ADD_REQUEST_ID || ctx.role !== "owner") return next();
    const notes: string[] = [];
    for (const user of shared.users) {
      const name = [user.first_name, user.last_name].filter(Boolean).join(" ") || (user.username ? `@${user.username}` : String(user.user_id));
      store.staff.add(user.user_id, name, ctx.from.id);
      const lang = contentLang(store.users.get(user.user_id)?.lang ?? ctx.uiLang);
      const shown = await showStaffCommands(ctx.api, i18n, store.staff, settings, user.user_id, "staff", lang);
      notes.push(ctx.t(shown ? "staff-added" : "staff-added-not-started", { name: isolate(name) }));
    }
    await ctx.reply(notes.join("\n"), { reply_markup: { remove_keyboard: true } });
    await reply(ctx, staffView(ctx));
  });

  // The chooser's Cancel is a typed text, not a button press.
  privateChats.on("message:text", async (ctx, next) => {
    if (ctx.role !== "owner" || ctx.message.text !== ctx.t("staff-choose-cancel")) return next();
    await ctx.reply(ctx.t("staff-choose-cancelled"), { reply_markup: { remove_keyboard: true } });
  });

  feature.callbackQuery(callback.staffRemove.pattern, async (ctx) => {
    if (!(await ownersOnly(ctx))) return;
    const userId = callback.staffRemove.read(ctx.match).user;
    if (store.staff.remove(userId)) {
      // A /broadcast they left midway is not theirs to finish: added again, they start afresh.
      endFlowsIn(store, userId);
      await hideStaffCommands(ctx.api, store.staff, settings, userId);
    }
    await show(ctx, staffView(ctx));
  });

  // Staff and owners get their command menu when they start the bot (it needs a chat to exist).
  feature.command("start", async (ctx, next) => {
    if (ctx.from && ctx.role !== "student") await showStaffCommands(ctx.api, i18n, store.staff, settings, ctx.from.id, ctx.role, ctx.lang);
    return next();
  });

  return feature;
}
