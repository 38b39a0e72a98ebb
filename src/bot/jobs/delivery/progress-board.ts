/**
 * What each broadcast's progress message shows now. Both the engine's
 * reporter and the control buttons edit that message; an edit to identical
 * content is refused by Telegram and wastes a message of the rate, so each
 * edit is made only when the content changed, also while another edit is
 * still on its way (edits wait for the chat's pace). What was shown is kept
 * in the database: after a restart (even kill -9 right after an edit) the
 * first edit knows it.
 */
import type { BroadcastStore } from "../../../storage/broadcasts.js";
import { viewDigest, type View } from "../../ui/view.js";

export class ProgressBoard {
  /** Per broadcast, the view an edit is on its way to show. */
  private readonly onTheWay = new Map<number, string>();

  constructor(private readonly broadcasts: BroadcastStore) {}

  /**
   * Shows `view` on the broadcast's progress message with `edit`, unless the
   * message shows it already or an edit to it is on its way.
   */
  async show(broadcastId: number, view: View, edit: () => Promise<unknown>): Promise<void> {
    const digest = viewDigest(view);
    const latest = this.onTheWay.get(broadcastId) ?? this.broadcasts.progressShown(broadcastId);
    if (latest === digest) return;
    this.onTheWay.set(broadcastId, digest);
    try {
      await edit();
      this.broadcasts.setProgressShown(broadcastId, digest);
    } finally {
      if (this.onTheWay.get(broadcastId) === digest) this.onTheWay.delete(broadcastId);
    }
  }
}
