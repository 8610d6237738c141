/**
 * The workspace's texts for the expressions of interest (list filters, detail
 * page, notes), German and English; the general ones are in pages.ts, the
 * form's field labels in ../interest-lines.ts.
 */
export const INTEREST_TEXTS = {
  de: {
    notes: 'Interne Notizen',
    noNotes: 'Noch keine Notizen.',
    newNote: 'Neue Notiz (nur für das Team sichtbar)',
    addNote: 'Notiz speichern',
    noteInvalid: (max: number) => `Bitte schreiben Sie eine Notiz (höchstens ${max} Zeichen).`,
    workshop: 'Informationsworkshop',
    from: 'Eingegangen ab',
    to: 'Eingegangen bis',
    filters: 'Filter',
    formLanguage: 'Sprache des Formulars',
    badChoice: (label: string) =>
      `Der Filter „${label}“ hat einen Wert, den es nicht gibt. Bitte wählen Sie aus der Liste.`,
    badDay: (label: string) => `„${label}“ ist kein Datum (TT.MM.JJJJ) oder liegt vor dem Anfang des Zeitraums.`,
  },
  en: {
    notes: 'Internal notes',
    noNotes: 'No notes yet.',
    newNote: 'New note (seen only by the team)',
    addNote: 'Save note',
    noteInvalid: (max: number) => `Please write a note (at most ${max} characters).`,
    workshop: 'Information workshop',
    from: 'Received from',
    to: 'Received until',
    filters: 'Filters',
    formLanguage: 'Language of the form',
    badChoice: (label: string) => `The filter "${label}" has a value that does not exist. Please choose from the list.`,
    badDay: (label: string) => `"${label}" is not a date or lies before the start of the period.`,
  },
};
export type InterestTexts = (typeof INTEREST_TEXTS)['de'];
