/**
 * The one place the bot is assembled. Tests, the terminal playground and
 * production all build it here, passing their own dependencies. It is the only
 * file that imports features (tests/architecture.test.ts), and registers them
 * in the order they see an update; what several features use lives outside
 * them, mostly in ui/.
 */
import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { Bot } from "grammy";
// Before any middleware is registered: grammY's composition without its per-update garbage (see the file).
import "./lean-composer.js";
import type { BotContext } from "./context.js";
import type { BotDeps } from "./deps.js";
import { answersFeature } from "./features/answers.js";
import { applyFeature } from "./features/apply.js";
import { broadcastFeature, endBroadcastUnlessStaff } from "./features/broadcast/flow.js";
import { broadcastsFeature } from "./features/broadcast/manage.js";
import { browseFeature } from "./features/browse.js";
import { consoleFeature } from "./features/console.js";
import { eligibilityFeature } from "./features/eligibility.js";
import { feedbackFeature } from "./features/feedback.js";
import { inlineFeature } from "./features/inline.js";
import { menuFeature, unknownButtonFeature } from "./features/menu.js";
import { questionsFeature } from "./features/questions.js";
import { questionsStaffFeature } from "./features/questions-staff.js";
import { remindersFeature } from "./features/reminders.js";
import { staffFeature } from "./features/staff.js";
import { startFeature } from "./features/start.js";
import { statsFeature } from "./features/stats.js";
import { subscriptionsFeature } from "./features/subscriptions.js";
import { unansweredFeature } from "./features/unanswered.js";
import { resolveLanguage } from "./locale.js";
import { answerCallbacks } from "./middleware/answer-callbacks.js";
import { chatScope, personalButtonsInPrivate } from "./middleware/chat-scope.js";
import { handleBotError } from "./middleware/errors.js";
import { floodControl } from "./middleware/flood-control.js";
import { flowStorage } from "./middleware/flows.js";
import { oncePerUpdate } from "./middleware/once-per-update.js";
import { guardStaffTools, isStaffRole } from "./middleware/roles.js";
import { markBlockedOn403, trackUsers } from "./middleware/users.js";
import { rememberScreens } from "./ui/view.js";

/** The update kinds the bot handles; anything else Telegram need not send. */
export const ALLOWED_UPDATES = ["message", "callback_query", "inline_query", "my_chat_member"] as const;

export function createBot(deps: BotDeps): Bot<BotContext> {
  const { store, logger } = deps;
  const bot = new Bot<BotContext>(deps.token, { client: { fetch: deps.fetch, ...(deps.apiRoot ? { apiRoot: deps.apiRoot } : {}) } });
  const { i18n } = deps;

  // Telegram's "retry after" and passing network trouble are waited out, not failed on.
  const apiTransformers = [autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 }), markBlockedOn403(store)];
  for (const transformer of apiTransformers) bot.api.config.use(transformer);

  bot.use((ctx, next) => {
    // Made on first use: most updates log nothing, and a child logger is not free.
    let log: typeof logger | undefined;
    Object.defineProperty(ctx, "log", { get: () => (log ??= logger.child({ update_id: ctx.update.update_id })) });
    return next();
  });
  // Group chatter stops here, before it costs a database write or a user record.
  bot.use(chatScope);
  bot.use(i18n);
  bot.use(trackUsers(store));
  bot.use(resolveLanguage(deps.catalog, store));
  // Before the per-chat queue: a flood is dropped at once instead of waiting in line.
  bot.use(floodControl());
  // One chat's updates in order; different chats in parallel (the runner is concurrent).
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  bot.use(oncePerUpdate(store));
  bot.use(answerCallbacks);
  bot.use(rememberScreens());
  bot.use(personalButtonsInPrivate);
  bot.use(guardStaffTools(deps.settings, store));
  bot.use(flowStorage(store, apiTransformers));
  bot.use(endBroadcastUnlessStaff);
  // Before the other flows: asking leaves them, and their buttons leave it. Staff chat replies are taken here too.
  bot.use(questionsFeature(deps));
  bot.use(questionsStaffFeature(deps));
  bot.use(eligibilityFeature(deps));
  // The staff tools: a student's update skips them altogether (guardStaffTools has refused their staff commands and buttons).
  const staffTools = bot.filter((ctx) => isStaffRole(ctx.role));
  staffTools.use(unansweredFeature(deps));
  staffTools.use(broadcastFeature(deps));
  staffTools.use(staffFeature(deps));
  staffTools.use(broadcastsFeature(deps));
  staffTools.use(statsFeature(deps));
  staffTools.use(consoleFeature(deps));

  bot.use(startFeature(deps));
  bot.use(menuFeature());
  bot.use(browseFeature());
  bot.use(applyFeature(deps));
  bot.use(subscriptionsFeature(deps));
  bot.use(remindersFeature(deps));
  bot.use(inlineFeature(deps));
  bot.use(feedbackFeature(deps));
  bot.use(answersFeature(deps));
  bot.use(unknownButtonFeature());

  bot.catch(handleBotError);
  return bot;
}
