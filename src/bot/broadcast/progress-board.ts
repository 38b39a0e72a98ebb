/**
 * What each broadcast's progress message shows now. Both the engine's
 * reporter and the control buttons edit that message; an edit to identical
 * content is refused by Telegram and wastes a message of the rate, so each
 * edit is made only when the content changed.
 */
import type { View } from "../ui/view.js";

export class ProgressBoard {
  private readonly shown = new Map<number, string>();

  /** Records `view` as shown for the broadcast; false when it already was (skip the edit). */
  changed(broadcastId: number, view: View): boolean {
    const content = JSON.stringify(view);
    if (this.shown.get(broadcastId) === content) return false;
    this.shown.set(broadcastId, content);
    return true;
  }

  /** A broadcast that is over is shown no more: its entry is dropped. */
  forget(broadcastId: number): void {
    this.shown.delete(broadcastId);
  }
}
