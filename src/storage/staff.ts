/** Who the department's staff are (owners come from ADMIN_IDS, not from here). */
import type { Db } from "./database.js";

export interface StaffMember {
  userId: number;
  name: string;
  addedBy: number;
  addedAt: number;
}

interface StaffRow {
  user_id: number;
  name: string;
  added_by: number;
  added_at: number;
}

export class StaffStore {
  private readonly statements;
  /** Asked on every staff command and button: kept in memory (a handful of rows). */
  private readonly members = new Set<number>();

  constructor(db: Db) {
    this.statements = {
      list: db.prepare<[], StaffRow>(`SELECT * FROM staff ORDER BY added_at`),
      add: db.prepare<[number, string, number, number]>(`INSERT OR IGNORE INTO staff (user_id, name, added_by, added_at) VALUES (?, ?, ?, ?)`),
      remove: db.prepare<[number]>(`DELETE FROM staff WHERE user_id = ?`),
      menus: db.prepare<[], { user_id: number }>(`SELECT user_id FROM staff_menus`),
      menuShown: db.prepare<[number]>(`INSERT OR IGNORE INTO staff_menus (user_id) VALUES (?)`),
      menuHidden: db.prepare<[number]>(`DELETE FROM staff_menus WHERE user_id = ?`),
    };
    for (const row of this.statements.list.all()) this.members.add(row.user_id);
  }

  list(): StaffMember[] {
    return this.statements.list.all().map((row) => ({ userId: row.user_id, name: row.name, addedBy: row.added_by, addedAt: row.added_at }));
  }

  isStaff(userId: number): boolean {
    return this.members.has(userId);
  }

  /** Returns false when they already were staff. */
  add(userId: number, name: string, addedBy: number, now = Date.now()): boolean {
    const added = this.statements.add.run(userId, name, addedBy, now).changes > 0;
    this.members.add(userId);
    return added;
  }

  remove(userId: number): boolean {
    this.members.delete(userId);
    return this.statements.remove.run(userId).changes > 0;
  }

  /** Whose chats show the staff commands (so someone no longer staff, or no longer an owner, gets them hidden). */
  menus(): number[] {
    return this.statements.menus.all().map((row) => row.user_id);
  }

  menuShown(userId: number): void {
    this.statements.menuShown.run(userId);
  }

  menuHidden(userId: number): void {
    this.statements.menuHidden.run(userId);
  }
}
