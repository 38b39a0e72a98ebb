/**
 * Storage of the guided conversations: SQLite through the Store, so a restart
 * resumes a flow at the same question. When a code change bumps FLOWS_VERSION,
 * a stored flow of the old version is dropped and its user told so, once.
 */
import { conversations, type ConversationData, type VersionedState } from "@grammyjs/conversations";
import { Composer, type Context } from "grammy";
import type { Store } from "../../storage/store.js";
import type { BotContext } from "../context.js";

/** Bump when a flow's questions change: flows midway are reset, and their users told. */
export const FLOWS_VERSION = 1;

const PREFIX = "flows:";

export function flowStorage(store: Store) {
  const saved = store.conversationStorage<VersionedState<ConversationData>>();
  const reset = new Set<string>();
  const composer = new Composer<BotContext>();
  composer.use(
    conversations<BotContext, Context>({
      storage: {
        type: "key",
        version: FLOWS_VERSION,
        prefix: PREFIX,
        // Only chats have flows (an inline query has no chat).
        getStorageKey: (ctx) => ctx.chatId?.toString(),
        adapter: {
          read: (key) => {
            const state = saved.read(key);
            if (state && state.version[1] !== FLOWS_VERSION) {
              saved.delete(key);
              reset.add(key);
              return undefined;
            }
            return state;
          },
          write: (key, state) => saved.write(key, state),
          delete: (key) => saved.delete(key),
        },
      },
    }),
  );
  composer.use(async (ctx, next) => {
    if (reset.delete(`${PREFIX}${ctx.chatId}`)) await ctx.reply(ctx.t("elig-flow-reset"));
    return next();
  });
  return composer;
}
