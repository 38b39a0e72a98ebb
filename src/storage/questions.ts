/** Students' questions to the department: posted in the staff chat, answered by a staff member's reply there. */
import type { Db } from "./database.js";
import type { UiLang } from "./users.js";

export interface Question {
  /** Also the number staff see: "Question #12". */
  id: number;
  userId: number;
  text: string;
  /** The language the student reads, for the answer's header. */
  lang: UiLang;
  askedAt: number;
  answeredAt: number | null;
  answeredBy: number | null;
}

interface QuestionRow {
  id: number;
  user_id: number;
  text: string;
  lang: UiLang;
  asked_at: number;
  answered_at: number | null;
  answered_by: number | null;
}

const toQuestion = (row: QuestionRow): Question => ({
  id: row.id,
  userId: row.user_id,
  text: row.text,
  lang: row.lang,
  askedAt: row.asked_at,
  answeredAt: row.answered_at,
  answeredBy: row.answered_by,
});

export type AskOutcome = { kind: "asked"; question: Question } | { kind: "too-many"; open: number } | { kind: "duplicate"; question: Question };

export class QuestionStore {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
      insert: db.prepare<[number, string, string, number], QuestionRow>(`INSERT INTO questions (user_id, text, lang, asked_at) VALUES (?, ?, ?, ?) RETURNING *`),
      openOf: db.prepare<[number], QuestionRow>(`SELECT * FROM questions WHERE user_id = ? AND answered_at IS NULL ORDER BY asked_at`),
      attachPost: db.prepare<[number, number, number]>(`UPDATE questions SET staff_chat_id = ?, staff_message_id = ? WHERE id = ?`),
      remove: db.prepare<[number]>(`DELETE FROM questions WHERE id = ?`),
      byPost: db.prepare<[number, number], QuestionRow>(`SELECT * FROM questions WHERE staff_chat_id = ? AND staff_message_id = ?`),
      markAnswered: db.prepare<[number, number, number]>(`UPDATE questions SET answered_at = ?, answered_by = ? WHERE id = ? AND answered_at IS NULL`),
      open: db.prepare<[number], QuestionRow>(`SELECT * FROM questions WHERE answered_at IS NULL ORDER BY asked_at, id LIMIT ?`),
      countOpen: db.prepare<[], { count: number }>(`SELECT COUNT(*) AS count FROM questions WHERE answered_at IS NULL`),
    };
  }

  /**
   * Records a question unless the student already has `maxOpen` waiting, or
   * is asking the very same thing again (a double tap, a forged button).
   */
  ask(userId: number, text: string, lang: UiLang, maxOpen: number, now = Date.now()): AskOutcome {
    return this.db.transaction((): AskOutcome => {
      const open = this.statements.openOf.all(userId).map(toQuestion);
      const same = open.find((q) => q.text === text);
      if (same) return { kind: "duplicate", question: same };
      if (open.length >= maxOpen) return { kind: "too-many", open: open.length };
      return { kind: "asked", question: toQuestion(this.statements.insert.get(userId, text, lang, now)!) };
    })();
  }

  /** Remembers the staff chat post of a question: a reply to it is the answer. */
  attachPost(id: number, chatId: number, messageId: number): void {
    this.statements.attachPost.run(chatId, messageId, id);
  }

  /** Forgets a question that never reached the staff chat. */
  remove(id: number): void {
    this.statements.remove.run(id);
  }

  /** The question a staff chat post is about, if it is one. */
  byPost(chatId: number, messageId: number): Question | undefined {
    const row = this.statements.byPost.get(chatId, messageId);
    return row && toQuestion(row);
  }

  /** Marks a question answered by its first reply; later replies keep who answered first. */
  markAnswered(id: number, by: number, now = Date.now()): void {
    this.statements.markAnswered.run(now, by, id);
  }

  /** Open questions, oldest first. */
  open(limit: number): Question[] {
    return this.statements.open.all(limit).map(toQuestion);
  }

  countOpen(): number {
    return this.statements.countOpen.get()!.count;
  }
}
