import { looksLikeFormula, type Row, type Sheet } from './table.js';

// CSV as Excel opens it: UTF-8 with a byte-order mark (else Chinese turns into mojibake), CRLF line ends,
// RFC 4180 quoting, and text that a spreadsheet would run as a formula prefixed with an apostrophe.

const BOM = '\uFEFF';
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(
  value: string | number | null | undefined,
  type: Sheet['columns'][number]['type'],
  formatTime: (iso: string) => string,
): string {
  if (value === null || value === undefined || value === '') return '';
  let s: string;
  if (typeof value === 'number') {
    if (type === 'percent') s = `${(Math.round(value * 10_000) / 100).toString()}%`;
    else s = String(value);
    return s;
  }
  if (type === 'datetime') return formatTime(value);
  s = looksLikeFormula(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(row: Row, columns: Sheet['columns'], formatTime: (iso: string) => string): string {
  let line = '';
  for (let i = 0; i < columns.length; i++) {
    if (i > 0) line += ',';
    line += csvField(row[i], columns[i]!.type, formatTime);
  }
  return `${line}\r\n`;
}

/** One table as CSV bytes, a batch of rows per chunk; the next batch is read only when the consumer wants more. */
export async function* csvChunks(sheet: Sheet, formatTime: (iso: string) => string): AsyncGenerator<Buffer> {
  yield Buffer.from(
    BOM +
      csvLine(
        sheet.columns.map((c) => c.header),
        sheet.columns.map(() => ({ header: '', type: 'text' as const })),
        formatTime,
      ),
  );
  for await (const batch of sheet.rows) {
    let text = '';
    for (const row of batch) text += csvLine(row, sheet.columns, formatTime);
    if (text) yield Buffer.from(text);
  }
}
