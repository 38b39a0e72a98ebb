// The bot's command menus, stored per (scope, language) like Telegram.
import { badRequest } from "../errors.js";
import { isRecord, jsonParam, strParam, type Params } from "../params.js";
import type { World } from "../world.js";
import type { Handler } from "./handler.js";
import { clone } from "../clone.js";

const SCOPES = new Set([
  "default", "all_private_chats", "all_group_chats", "all_chat_administrators",
  "chat", "chat_administrators", "chat_member",
]);

/** Validates scope + language_code and returns the storage key. */
function key(world: World, p: Params): string {
  const scope = jsonParam(p, "scope");
  if (scope !== undefined) {
    if (!isRecord(scope) || typeof scope.type !== "string") throw badRequest(`can't parse BotCommandScope: Can't find field "type"`);
    if (!SCOPES.has(scope.type)) throw badRequest("can't parse BotCommandScope: Unsupported type specified");
    if (scope.type.startsWith("chat")) {
      if (scope.chat_id === undefined) throw badRequest(`can't parse BotCommandScope: Can't find field "chat_id"`);
      world.chat(typeof scope.chat_id === "string" && /^-?\d+$/.test(scope.chat_id) ? Number(scope.chat_id) : (scope.chat_id as number));
    }
    if (scope.type === "chat_member" && scope.user_id === undefined) {
      throw badRequest(`can't parse BotCommandScope: Can't find field "user_id"`);
    }
  }
  const lang = strParam(p, "language_code") ?? "";
  if (lang !== "" && !/^[a-z]{2}$/.test(lang)) throw badRequest("invalid language code");
  return world.commandsKey(scope, lang);
}

const setMyCommands: Handler = (world, p) => {
  const commands = jsonParam(p, "commands");
  if (!Array.isArray(commands)) throw badRequest(`field "commands" must be of type Array`);
  if (commands.length > 100) throw badRequest("BOT_COMMANDS_TOO_MUCH");
  const clean: { command: string; description: string }[] = [];
  for (const c of commands) {
    if (!isRecord(c)) throw badRequest("can't parse BotCommand: BotCommand must be an Object");
    const command = strParam(c, "command");
    const description = strParam(c, "description");
    if (command === undefined) throw badRequest(`can't parse BotCommand: Can't find field "command"`);
    if (description === undefined) throw badRequest(`can't parse BotCommand: Can't find field "description"`);
    if (command === "") throw badRequest("command must be non-empty");
    if (!/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest("BOT_COMMAND_INVALID");
    if (description.trim() === "") throw badRequest("command description must be non-empty");
    if (description.length > 256) throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
    clean.push({ command, description });
  }
  const k = key(world, p);
  // An empty list clears the menu, as deleteMyCommands does.
  if (clean.length === 0) world.commands.delete(k);
  else world.commands.set(k, clean);
  return true;
};

const getMyCommands: Handler = (world, p) => clone(world.commands.get(key(world, p)) ?? []);

const deleteMyCommands: Handler = (world, p) => {
  world.commands.delete(key(world, p));
  return true;
};

export const commandMethods: Record<string, Handler> = { setMyCommands, getMyCommands, deleteMyCommands };
