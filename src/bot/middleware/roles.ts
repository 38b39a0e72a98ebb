/**
 * Who may use the staff tools. Owners are the ADMIN_IDS; staff are those the
 * owners added (/staff). Staff commands and buttons are refused for everyone
 * else here, before any feature sees them: typed, pressed, or forged.
 */
import { Context, type NextFunction } from "grammy";
import type { Store } from "../../storage/store.js";
import type { BotContext, Role } from "../context.js";
import type { StaffSettings } from "../deps.js";
import { isStaffButton } from "../ui/callback-data.js";

/** Commands only staff see and may use; /staff is for owners only. */
export const STAFF_COMMANDS = ["broadcast", "broadcasts", "questions", "unanswered", "stats", "close", "console"] as const;
export const OWNER_COMMANDS = ["staff", "chatid"] as const;

export function roleOf(userId: number | undefined, settings: StaffSettings, store: Store): Role {
  if (userId === undefined) return "student";
  if (settings.owners.includes(userId)) return "owner";
  return store.staff.isStaff(userId) ? "staff" : "student";
}

export const isStaffRole = (role: Role) => role !== "student";

// grammY's own command matching (as the features' command handlers), built once rather than per update.
const isOwnerCommand = Context.has.command([...OWNER_COMMANDS]);
const isStaffCommand = Context.has.command([...STAFF_COMMANDS]);

export const guardStaffTools = (settings: StaffSettings, store: Store) => async (ctx: BotContext, next: NextFunction) => {
  ctx.role = roleOf(ctx.from?.id, settings, store);
  // The same matching as the features' own command handlers, so nothing slips between the two.
  const ownerOnly = isOwnerCommand(ctx);
  const staffOnly = isStaffCommand(ctx);
  if ((ownerOnly && ctx.role !== "owner") || (staffOnly && !isStaffRole(ctx.role))) {
    await ctx.reply(ctx.t(ownerOnly ? "staff-owners-only" : "staff-only"));
    return;
  }
  if (ctx.callbackQuery?.data !== undefined && isStaffButton(ctx.callbackQuery.data) && !isStaffRole(ctx.role)) {
    await ctx.answerCallbackQuery({ text: ctx.t("staff-only"), show_alert: true });
    return;
  }
  return next();
};
