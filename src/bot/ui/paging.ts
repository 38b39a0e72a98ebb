/**
 * Lists that grow with the knowledge base (programs, countries, the /apply
 * chooser, the eligibility question's countries, ...) are shown a page at a
 * time, with Previous and Next. Telegram refuses a keyboard of more than 100
 * buttons, and long before that a phone shows a wall of them.
 */
import { InlineKeyboard } from "grammy";
import type { BotContext } from "../context.js";
import type { Button } from "./keyboard.js";

/** Entries on a page: what a phone shows without scrolling far. */
export const PAGE_SIZE = 10;

export interface Page<T> {
  items: T[];
  /** 0-based. */
  index: number;
  pages: number;
}

/** Page `requested` of `items`; past the end (the list shrank since the button was sent) it is the last page. */
export function pageOf<T>(items: readonly T[], requested: number, size = PAGE_SIZE): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const index = Math.min(Math.max(0, Math.floor(requested) || 0), pages - 1);
  return { items: items.slice(index * size, (index + 1) * size), index, pages };
}

/** Previous and Next, where there is such a page (none on a single page); `data(n)` is the button data of page n. */
export function pageButtons(t: BotContext["t"], page: Page<unknown>, data: (page: number) => string): Button[] {
  return [
    ...(page.index > 0 ? [InlineKeyboard.text(t("page-previous"), data(page.index - 1))] : []),
    ...(page.index < page.pages - 1 ? [InlineKeyboard.text(t("page-next"), data(page.index + 1))] : []),
  ];
}

/** "Page 2 of 5", for a list's text; nothing on a single page. */
export const pageNumber = (t: BotContext["t"], page: Page<unknown>): string[] => (page.pages > 1 ? [t("page-of", { page: page.index + 1, pages: page.pages })] : []);
