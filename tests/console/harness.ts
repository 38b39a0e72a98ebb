/**
 * The real bot with the knowledge console on (PUBLIC_URL naming its own
 * port), on a temporary copy of a knowledge folder, and the fake Telegram in
 * which staff ask for their login links.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import type { Config } from "../../src/config.js";
import type { FakeUser } from "../../src/dev/fake-telegram/index.js";
import { KNOWLEDGE_DIR } from "../fixtures/paths.js";
import { startBot, type Harness } from "../bot/harness.js";

export const OWNER = 9001;

export interface ConsoleBot {
  h: Harness;
  /** PUBLIC_URL: where the console is. */
  origin: string;
  /** The knowledge folder the bot reads and the console writes. */
  knowledge: string;
  stop(): Promise<void>;
}

/** A port nobody listens on now, so that PUBLIC_URL can name it before the bot starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startConsoleBot(overrides: Partial<Config> = {}, from = KNOWLEDGE_DIR): Promise<ConsoleBot> {
  const knowledge = mkdtempSync(join(tmpdir(), "jspu-console-kb-"));
  cpSync(from, knowledge, { recursive: true });
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const h = await startBot({ PORT: port, PUBLIC_URL: origin, KNOWLEDGE_DIR: knowledge, ADMIN_IDS: [OWNER], ...overrides });
  return {
    h,
    origin,
    knowledge,
    async stop() {
      expect(h.fake.rejected()).toEqual([]);
      await h.stop();
      rmSync(knowledge, { recursive: true, force: true });
    },
  };
}

/** A staff member of the department, added by the owner. */
export function staffMember(h: Harness, name = "Aziz", languageCode = "en"): FakeUser {
  const user = h.fake.user({ firstName: name, languageCode });
  h.app.store.staff.add(user.id, name, OWNER);
  return user;
}

/** The login link /console answers with. */
export async function loginLink(user: FakeUser): Promise<string> {
  const reply = await user.send("/console");
  const link = /http:\/\/\S+\/console\/login\?token=[\w-]+/.exec(reply.text)?.[0];
  expect(link, reply.text).toBeDefined();
  return link!;
}
