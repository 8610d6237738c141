/**
 * Internal notes on an expression of interest: the team's own text, each with
 * who wrote it and when. Only added, never changed (so two editors cannot
 * overwrite each other); they go with their record (schema.ts's trigger).
 */
import type Database from 'better-sqlite3';

/** The longest note, in code points. */
export const MAX_NOTE = 5000;

export interface Note {
  submission_id: string;
  at: string;
  account: string;
  text: string;
}

/** A note's text as stored: line breaks as \n, trimmed; undefined when blank or too long. */
export function noteText(text: string | null): string | undefined {
  const clean = (text ?? '').replace(/\r\n?/g, '\n').trim();
  return clean && [...clean].length <= MAX_NOTE ? clean : undefined;
}

export function notes(db: Database.Database) {
  const insert = db.prepare('INSERT INTO team_notes (submission_id, at, account, text) VALUES (?, ?, ?, ?)');
  const ofOne = db.prepare<[string], Note>(
    'SELECT submission_id, at, account, text FROM team_notes WHERE submission_id = ? ORDER BY id DESC',
  );
  const every = db.prepare<[], Note>('SELECT submission_id, at, account, text FROM team_notes ORDER BY id DESC');
  return {
    add: (id: string, account: string, at: string, text: string): void => void insert.run(id, at, account, text),
    /** One record's notes, newest first. */
    of: (id: string): Note[] => ofOne.all(id),
    /** Every record's notes, newest first, by submission id. */
    all(): Map<string, Note[]> {
      const out = new Map<string, Note[]>();
      for (const note of every.all()) out.set(note.submission_id, [...(out.get(note.submission_id) ?? []), note]);
      return out;
    },
  };
}
