/**
 * The export as an XLSX workbook (write-excel-file): one sheet, a bold header
 * row, phone numbers, references, ids and addresses as text cells (format `@`,
 * so Excel keeps `+49…` and leading zeros), numbers as numbers, everything
 * else as text. Text cells are never formulas.
 */
import writeExcelFile from 'write-excel-file/node';
import {cellText, exportRows, TEXT_COLUMNS, type ExportForm} from './export.js';
import type {Store} from './store.js';

export function exportXlsx(store: Store, form: ExportForm): Promise<Buffer> {
  return rowsToXlsx(exportRows(store, form), form);
}

/** Rows from exportRows (or more columns after them, as the team workspace adds) as a workbook with one sheet. */
export async function rowsToXlsx([header, ...rows]: unknown[][], sheetName: string): Promise<Buffer> {
  const names = header.map(String);
  const sheet = [
    names.map((name) => ({value: name, type: String, fontWeight: 'bold' as const})),
    ...rows.map((row) =>
      row.map((value, i) =>
        typeof value === 'number' && !TEXT_COLUMNS.has(names[i])
          ? {value, type: Number}
          : value === undefined || value === null || value === ''
            ? null
            : {value: cellText(value), type: String, ...(TEXT_COLUMNS.has(names[i]) ? {format: '@'} : {})},
      ),
    ),
  ];
  return writeExcelFile(sheet, {sheet: sheetName, stickyRowsCount: 1}).toBuffer();
}
