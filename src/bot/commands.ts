/**
 * The command menu Telegram shows: the students' commands in each user's app
 * language for everyone, and, in their own chats only, the staff commands
 * for staff and owners (scope "chat"), so students never see them. With an
 * https PUBLIC_URL, staff and owners also get a "Knowledge" menu button in
 * their chat, which opens the knowledge console as a Mini App.
 */
import type { Api, Context } from "grammy";
import { GrammyError } from "grammy";
import type { I18n } from "@grammyjs/i18n";
import { miniAppUrl } from "../console/links.js";
import { LANGS, type Lang } from "../knowledge/schema.js";
import type { StaffStore } from "../storage/staff.js";
import type { Role } from "./context.js";
import type { BotDeps, StaffSettings } from "./deps.js";
import { contentLang } from "./locale.js";
import { OWNER_COMMANDS, STAFF_COMMANDS } from "./middleware/roles.js";

export const COMMANDS = ["start", "eligibility", "apply", "programs", "countries", "contacts", "announcements", "stop", "language", "cancel", "help"] as const;

type Translations = Pick<I18n<Context>, "t">;
const describe = (i18n: Translations, lang: string, commands: readonly string[]) => commands.map((command) => ({ command, description: i18n.t(lang, `cmd-${command}`) }));

/** What Telegram answers 400 to here: a chat it does not know (or a button it refuses); the rest is thrown. */
const unless400 = (error: unknown) => {
  if (!(error instanceof GrammyError && error.error_code === 400)) throw error;
};

export async function registerCommands<C extends Context>(api: Api, i18n: I18n<C>): Promise<void> {
  // The default list (for any other app language) is English.
  await api.setMyCommands(describe(i18n, "en", COMMANDS));
  for (const lang of LANGS) await api.setMyCommands(describe(i18n, lang, COMMANDS), { language_code: lang });
}

/**
 * Shows a staff member or owner their commands, in their language, and with
 * an https PUBLIC_URL the console's "Knowledge" menu button. False when
 * Telegram does not know the chat yet (they never started the bot).
 */
export async function showStaffCommands<C extends Context>(
  api: Api,
  i18n: I18n<C>,
  staff: StaffStore,
  settings: Pick<StaffSettings, "publicUrl">,
  userId: number,
  role: Exclude<Role, "student">,
  lang: Lang,
): Promise<boolean> {
  const commands = [...COMMANDS, ...STAFF_COMMANDS, ...(role === "owner" ? OWNER_COMMANDS : [])];
  try {
    await api.setMyCommands(describe(i18n, lang, commands), { scope: { type: "chat", chat_id: userId } });
  } catch (error) {
    unless400(error);
    return false;
  }
  staff.menuShown(userId);
  const url = miniAppUrl(settings.publicUrl);
  // A refused button leaves the commands shown, and /console still answers with the link.
  if (url) await api.setChatMenuButton({ chat_id: userId, menu_button: { type: "web_app", text: i18n.t(lang, "console-knowledge-button"), web_app: { url } } }).catch(unless400);
  return true;
}

/** Back to the students' menu (and the default menu button), for someone who is no longer staff. */
export async function hideStaffCommands(api: Api, staff: StaffStore, settings: Pick<StaffSettings, "publicUrl">, userId: number): Promise<void> {
  await api.deleteMyCommands({ scope: { type: "chat", chat_id: userId } }).catch(unless400);
  if (miniAppUrl(settings.publicUrl)) await api.setChatMenuButton({ chat_id: userId, menu_button: { type: "default" } }).catch(unless400);
  staff.menuHidden(userId);
}

/**
 * At start: every owner's and staff member's command menu and menu button
 * (those who never started the bot get theirs at /start), and the students' menu back for
 * anyone who is no longer staff or owner (ADMIN_IDS changed).
 */
export async function showAllStaffCommands<C extends Context>(api: Api, i18n: I18n<C>, { store, settings }: Pick<BotDeps, "store" | "settings">): Promise<void> {
  const roles = new Map<number, "owner" | "staff">(store.staff.list().map((m) => [m.userId, "staff"]));
  for (const id of settings.owners) roles.set(id, "owner");
  for (const id of store.staff.menus()) if (!roles.has(id)) await hideStaffCommands(api, store.staff, settings, id);
  for (const [id, role] of roles) {
    const user = store.users.get(id);
    if (user) await showStaffCommands(api, i18n, store.staff, settings, id, role, contentLang(user.lang ?? "en"));
  }
}
