/**
 * "Ask the department" as the rest of the bot meets it: button data, where it
 * is offered (private chats) and the menu's button, shared by the main menu,
 * the "not found" answer and the questions features; and how a student is
 * named to staff, shared by the student's and the staff's side.
 */
import { InlineKeyboard, type NextFunction } from "grammy";
import type { UiLang } from "../../storage/users.js";
import type { BotContext } from "../context.js";
import { isolate } from "./bidi.js";
import { callback } from "./callback-data.js";
import { escapeHtml } from "./html.js";

/** The staff chat is one room for everyone: its posts are in English (locales/en/questions.ftl). */
export const STAFF_CHAT_LANG: UiLang = "en";


/** Marks the updates in which the department takes questions (questionsFeature uses it only when a staff chat is configured): private chats. */
export function markQuestionsOffered(ctx: BotContext, next: NextFunction) {
  ctx.questionsOffered = ctx.chat?.type === "private";
  return next();
}

export const canAskDepartment = (ctx: Pick<BotContext, "questionsOffered">): boolean => ctx.questionsOffered === true;

/** The main menu's "Ask the department" (it starts typing a question). */
export const askButton = (ctx: Pick<BotContext, "t">) => InlineKeyboard.text(ctx.t("questions-ask-button"), callback.questionWrite());

/**
 * "Ask the department" this very question (logged for /unanswered as `logId`),
 * or a question to type when it could not be logged; none where the
 * department takes no questions.
 */
export const askThisButton = (ctx: Pick<BotContext, "t" | "questionsOffered">, logId: number | undefined) =>
  canAskDepartment(ctx) ? InlineKeyboard.text(ctx.t("questions-ask-button"), logId === undefined ? callback.questionWrite() : callback.questionAsk(logId)) : undefined;

/** A student as staff see them: name and @username, each isolated (ui/bidi.ts), HTML-escaped. */
export function studentName(user: { firstName: string; lastName?: string; username?: string | null } | undefined, userId: number): string {
  const name = [user?.firstName, user?.lastName].filter(Boolean).join(" ");
  const shown = name ? isolate(name) : `id ${userId}`;
  return escapeHtml(user?.username ? `${shown} (${isolate(`@${user.username}`)})` : shown);
}
