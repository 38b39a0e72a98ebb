/**
 * The command menu Telegram shows: the students' commands in each user's app
 * language for everyone, and, in their own chats only, the staff commands
 * for staff and owners (scope "chat"), so students never see them.
 */
import type { Api, Context } from "grammy";
import { GrammyError } from "grammy";
import type { I18n } from "@grammyjs/i18n";
import { LANGS, type Lang } from "../knowledge/schema.js";
import type { StaffStore } from "../storage/staff.js";
import type { Role } from "./context.js";
import type { BotDeps } from "./deps.js";
import { contentLang } from "./locale.js";
import { OWNER_COMMANDS, STAFF_COMMANDS } from "./middleware/roles.js";

export const COMMANDS = ["start", "eligibility", "apply", "programs", "countries", "contacts", "announcements", "stop", "language", "cancel", "help"] as const;

type Translations = Pick<I18n<Context>, "t">;
const describe = (i18n: Translations, lang: string, commands: readonly string[]) => commands.map((command) => ({ command, description: i18n.t(lang, `cmd-${command}`) }));

export async function registerCommands<C extends Context>(api: Api, i18n: I18n<C>): Promise<void> {
  // The default list (for any other app language) is English.
  await api.setMyCommands(describe(i18n, "en", COMMANDS));
  for (const lang of LANGS) await api.setMyCommands(describe(i18n, lang, COMMANDS), { language_code: lang });
}

/**
 * Shows a staff member or owner their commands, in their language. False
 * when Telegram does not know the chat yet (they never started the bot).
 */
export async function showStaffCommands<C extends Context>(api: Api, i18n: I18n<C>, staff: StaffStore, userId: number, role: Exclude<Role, "student">, lang: Lang): Promise<boolean> {
  const commands = [...COMMANDS, ...STAFF_COMMANDS, ...(role === "owner" ? OWNER_COMMANDS : [])];
  try {
    await api.setMyCommands(describe(i18n, lang, commands), { scope: { type: "chat", chat_id: userId } });
    staff.menuShown(userId);
    return true;
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 400) return false;
    throw error;
  }
}

/** Back to the students' menu, for someone who is no longer staff. */
export async function hideStaffCommands(api: Api, staff: StaffStore, userId: number): Promise<void> {
  await api.deleteMyCommands({ scope: { type: "chat", chat_id: userId } }).catch((error: unknown) => {
    if (!(error instanceof GrammyError && error.error_code === 400)) throw error;
  });
  staff.menuHidden(userId);
}

/**
 * At start: every owner's and staff member's command menu (those who never
 * started the bot get theirs at /start), and the students' menu back for
 * anyone who is no longer staff or owner (ADMIN_IDS changed).
 */
export async function showAllStaffCommands<C extends Context>(api: Api, i18n: I18n<C>, { store, settings }: Pick<BotDeps, "store" | "settings">): Promise<void> {
  const roles = new Map<number, "owner" | "staff">(store.staff.list().map((m) => [m.userId, "staff"]));
  for (const id of settings.owners) roles.set(id, "owner");
  for (const id of store.staff.menus()) if (!roles.has(id)) await hideStaffCommands(api, store.staff, id);
  for (const [id, role] of roles) {
    const user = store.users.get(id);
    if (user) await showStaffCommands(api, i18n, store.staff, id, role, contentLang(user.lang ?? "en"));
  }
}
