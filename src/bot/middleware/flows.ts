/**
 * Storage of the guided conversations: SQLite through the Store, so a restart
 * resumes a flow at the same question. When a code change bumps FLOWS_VERSION,
 * a stored flow of the old version is dropped and its user told so, once.
 */
import { conversations, type ConversationData, type VersionedState } from "@grammyjs/conversations";
import { Composer, type Context, type Transformer } from "grammy";
import type { Store } from "../../storage/store.js";
import type { BotContext } from "../context.js";

/** Bump when a flow's questions change: flows midway are reset, and their users told. */
export const FLOWS_VERSION = 4;

const PREFIX = "flows:";

/** Ends every flow in a chat from outside it: a staff member removed midway through /broadcast. */
export function endFlowsIn(store: Store, chatId: number): void {
  store.flows.delete(`${PREFIX}${chatId}`);
}

/**
 * The conversations' storage, and the plugins of the flows' own context
 * objects: the plugin gives them a fresh Api, so the bot's API transformers
 * (auto-retry on 429, marking blocked users) are installed again here.
 */
export function flowStorage(store: Store, apiTransformers: Transformer[]) {
  const reset = new Set<string>();
  const composer = new Composer<BotContext>();
  composer.use(
    conversations<BotContext, Context>({
      plugins: [
        (ctx, next) => {
          for (const transformer of apiTransformers) ctx.api.config.use(transformer);
          return next();
        },
      ],
      storage: {
        type: "key",
        version: FLOWS_VERSION,
        prefix: PREFIX,
        // Keyed by chat; only chats enter a flow (entering needs a command or a button in one).
        getStorageKey: (ctx) => ctx.chatId?.toString(),
        adapter: {
          read: (key) => {
            const state = store.flows.read<VersionedState<ConversationData>>(key);
            if (state && state.version[1] !== FLOWS_VERSION) {
              store.flows.delete(key);
              reset.add(key);
              return undefined;
            }
            return state;
          },
          write: (key, state) => store.flows.write(key, state),
          delete: (key) => store.flows.delete(key),
        },
      },
    }),
  );
  composer.use(async (ctx, next) => {
    if (reset.delete(`${PREFIX}${ctx.chatId}`)) await ctx.reply(ctx.t("flow-reset"));
    return next();
  });
  return composer;
}
