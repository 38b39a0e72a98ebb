// The bot's menu button (setChatMenuButton, getChatMenuButton): a private
// chat's own, or the bot's default one, stored like Telegram. The button is
// read before the chat, as the Bot API does, and with its descriptions.
import type { MenuButton } from "grammy/types";
import { badRequest } from "../errors.js";
import { checkLink } from "../links.js";
import { isRecord, jsonParam, type Params } from "../params.js";
import type { World } from "../world.js";
import type { Handler } from "./handler.js";
import { clone } from "../clone.js";

const cantParse = (reason: string) => badRequest(`can't parse menu button: ${reason}`);

/** A string field as the Bot API's JSON reader takes it: numbers become text. */
function stringField(o: Record<string, unknown>, name: string): string {
  const value = o[name];
  if (value === undefined || value === null) throw cantParse(`Can't find field "${name}"`);
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") throw cantParse(`Field "${name}" must be of type String`);
  return value;
}

/** One of MenuButtonCommands, MenuButtonWebApp, MenuButtonDefault; no menu_button means the default. */
function menuButtonParam(p: Params): MenuButton {
  const raw = jsonParam(p, "menu_button", () => badRequest("can't parse menu button JSON object"));
  if (raw === undefined) return { type: "default" };
  if (!isRecord(raw)) throw cantParse("MenuButton must be an Object");
  const type = stringField(raw, "type");
  if (type === "default" || type === "commands") return { type };
  if (type !== "web_app") throw cantParse("MenuButton has unsupported type");
  const text = stringField(raw, "text");
  const webApp = raw.web_app;
  if (webApp === undefined || webApp === null) throw cantParse(`Can't find field "web_app"`);
  if (!isRecord(webApp)) throw cantParse(`Field "web_app" must be of type Object`);
  const url = stringField(webApp, "url");
  if (text.trim() === "") throw badRequest("menu button text is empty");
  // Telegram opens Mini Apps from https addresses only.
  const link = checkLink(url, false);
  if (!link.ok) throw badRequest(`menu button Web App URL '${url}' is invalid: ${link.problem}`);
  if (!/^https:\/\//i.test(url)) throw badRequest(`menu button Web App URL '${url}' is invalid: Only HTTPS links are allowed`);
  return { type: "web_app", text, web_app: { url } };
}

/** The private chat named by chat_id (a user's id), or undefined for the bot's default button. */
function chatParam(world: World, p: Params): number | undefined {
  const raw = p.chat_id;
  if (raw === undefined || raw === null || raw === "") return undefined;
  const id = typeof raw === "number" ? raw : typeof raw === "string" && /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
  // Only users' chats have a menu button: a group's (negative) id or an @username is no user id.
  if (!Number.isSafeInteger(id) || id <= 0) throw badRequest("invalid chat_id specified");
  if (world.chats.get(id)?.chat.type !== "private") throw badRequest("user not found");
  return id;
}

const setChatMenuButton: Handler = (world, p) => {
  const button = menuButtonParam(p);
  const chatId = chatParam(world, p);
  if (chatId === undefined) {
    // The bot's own "default" is its commands list.
    world.botMenuButton = button.type === "default" ? undefined : button;
  } else if (button.type === "default") {
    // A chat's "default" is no button of its own: the bot's applies.
    world.menuButtons.delete(chatId);
  } else {
    world.menuButtons.set(chatId, button);
  }
  return true;
};

const getChatMenuButton: Handler = (world, p) => {
  const chatId = chatParam(world, p);
  if (chatId === undefined) return clone(world.botMenuButton ?? { type: "commands" });
  return clone(world.menuButtons.get(chatId) ?? { type: "default" });
};

export const menuButtonMethods: Record<string, Handler> = { setChatMenuButton, getChatMenuButton };
