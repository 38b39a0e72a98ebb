/**
 * The edits show() made, by message: which view it put there, pressed on which
 * state of the message. A button pressed again before the first press's edit
 * reached the user's app comes with that same state, though the message
 * already shows the view.
 *
 * Views come in as their digests (view.ts: viewDigest), so that the context,
 * which carries the memory, needs nothing of how views are shown.
 */
import type { MaybeInaccessibleMessage } from "grammy/types";
import { createHash } from "node:crypto";

/** A text in a few bytes, to remember what a message shows. */
export const digest = (text: string): string => createHash("sha256").update(text).digest("base64url");

export class ScreenMemory {
  private readonly edits = new Map<string, { pressedOn: string; view: string }>();

  constructor(private readonly limit = 10_000) {}

  /** Whether an earlier press on this very state of the message put the view of digest `view` there. */
  shows(message: MaybeInaccessibleMessage, view: string): boolean {
    const edit = this.edits.get(keyOf(message));
    return edit !== undefined && edit.pressedOn === stateOf(message) && edit.view === view;
  }

  /** After a successful edit of `message` (as it was when pressed) to the view of digest `view`. */
  record(message: MaybeInaccessibleMessage, view: string): void {
    const key = keyOf(message);
    this.edits.delete(key);
    this.edits.set(key, { pressedOn: stateOf(message), view });
    if (this.edits.size > this.limit) this.edits.delete(this.edits.keys().next().value!);
  }
}

const keyOf = (message: MaybeInaccessibleMessage) => `${message.chat.id}:${message.message_id}`;
const stateOf = (message: MaybeInaccessibleMessage) =>
  "text" in message ? digest(JSON.stringify([message.edit_date, message.text, message.entities, message.reply_markup])) : "";
