/**
 * What each broadcast's progress message shows now. Both the engine's
 * reporter and the control buttons edit that message; an edit to identical
 * content is refused by Telegram and wastes a message of the rate, so each
 * edit is made only when the content changed. It is kept in the database:
 * after a restart (even kill -9 right after an edit) the first edit knows it.
 */
import type { BroadcastStore } from "../../storage/broadcasts.js";
import { viewDigest, type View } from "../ui/view.js";

export class ProgressBoard {
  constructor(private readonly broadcasts: BroadcastStore) {}

  /** Whether the broadcast's progress message already shows `view`. */
  shows(broadcastId: number, view: View): boolean {
    return this.broadcasts.progressShown(broadcastId) === viewDigest(view);
  }

  /** After a successful edit: the message shows `view` now. */
  record(broadcastId: number, view: View): void {
    this.broadcasts.setProgressShown(broadcastId, viewDigest(view));
  }
}
