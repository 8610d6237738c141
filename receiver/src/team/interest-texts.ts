/**
 * The workspace's texts for the expressions of interest (list filters, detail
 * page, notes), German and English; the general ones are in pages.ts.
 */
export const INTEREST_TEXTS = {
  de: {
    notes: 'Interne Notizen',
    noNotes: 'Noch keine Notizen.',
    newNote: 'Neue Notiz (nur für das Team sichtbar)',
    addNote: 'Notiz speichern',
    noteInvalid: (max: number) => `Bitte schreiben Sie eine Notiz (höchstens ${max} Zeichen).`,
  },
  en: {
    notes: 'Internal notes',
    noNotes: 'No notes yet.',
    newNote: 'New note (seen only by the team)',
    addNote: 'Save note',
    noteInvalid: (max: number) => `Please write a note (at most ${max} characters).`,
  },
};
export type InterestTexts = (typeof INTEREST_TEXTS)['de'];
