/**
 * `npm run backup -- FILE`: a consistent copy of the database, made with
 * SQLite's online backup while the bot keeps running and writing.
 */
import Database from "better-sqlite3";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";

const target = process.argv[2];
const source = process.env.DATABASE_PATH || "./data/bot.sqlite";

if (!target) {
  console.error("Usage: npm run backup -- FILE   (copies DATABASE_PATH, default ./data/bot.sqlite)");
  process.exit(2);
}
if (!existsSync(source)) {
  console.error(`No database at ${source}: set DATABASE_PATH to the bot's database file.`);
  process.exit(1);
}
if (resolve(target) === resolve(source)) {
  console.error("The backup must go to another file than the database itself.");
  process.exit(1);
}

mkdirSync(dirname(resolve(target)), { recursive: true });
const db = new Database(source, { readonly: true, fileMustExist: true });
try {
  const { totalPages } = await db.backup(target);
  console.log(`✓ ${source} -> ${target} (${totalPages} pages)`);
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  db.close();
}
