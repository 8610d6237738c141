/**
 * The one table from validation codes (src/shared/rules.ts) to what a visitor
 * reads. Call it while rendering (`msg()` answers in the element's language):
 * `errorMessage('email')`. Unknown codes are text from the receiver and are
 * shown as written. A form overrides single fields in `KpForm.message()`.
 */
import {msg} from '@lit/localize';
import type {ErrorCode} from '../rules.js';

export function errorMessage(code: ErrorCode | string): string {
  const choice = msg('Bitte wählen Sie eine der Möglichkeiten.');
  const table: Record<ErrorCode, string> = {
    required: msg('Bitte füllen Sie dieses Feld aus.'),
    email: msg('Bitte geben Sie eine E-Mail-Adresse wie name@example.org ein.'),
    'too-long': msg('Dieser Text ist zu lang.'),
    choice,
    integer: msg('Bitte geben Sie eine ganze Zahl ein, z. B. 12500.'),
    phone: msg('Bitte geben Sie die Nummer mit Ländervorwahl ein, z. B. +49 231 1234567.'),
    country: choice,
    consent: msg('Bitte stimmen Sie zu, um fortzufahren.'),
  };
  return table[code as ErrorCode] ?? code;
}
