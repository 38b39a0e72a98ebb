/**
 * What each broadcast's progress message shows now. Both the engine's
 * reporter and the control buttons edit that message; an edit to identical
 * content is refused by Telegram and wastes a message of the rate, so each
 * edit is made only when the content changed.
 */
import type { View } from "../ui/view.js";

export class ProgressBoard {
  private readonly shown = new Map<number, string>();

  /** Whether the broadcast's progress message already shows `view`. */
  shows(broadcastId: number, view: View): boolean {
    return this.shown.get(broadcastId) === JSON.stringify(view);
  }

  /** After a successful edit: the message shows `view` now. */
  record(broadcastId: number, view: View): void {
    this.shown.set(broadcastId, JSON.stringify(view));
  }
}
