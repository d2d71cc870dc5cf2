// A table to export: named columns with a type, and rows of plain values. Writers (CSV, XLSX) turn it into bytes.

export type ColumnType = 'text' | 'integer' | 'number' | 'percent' | 'datetime' | 'date';
export interface Column {
  header: string;
  type: ColumnType;
  /** width in characters, for XLSX */
  width?: number;
}
/** text: string; integer/number/percent (a fraction 0–1): number; datetime: an ISO instant; date: YYYY-MM-DD. */
export type Cell = string | number | null | undefined;
export type Row = Cell[];

export interface Sheet {
  name: string;
  columns: Column[];
  /** rows come in batches, so a database page becomes one write */
  rows: AsyncIterable<Row[]> | Iterable<Row[]>;
}

// A spreadsheet evaluates a cell beginning with one of these as a formula (CSV injection, OWASP).
const FORMULA_START = /^[=+\-@\t\r]/;
export const looksLikeFormula = (s: string) => FORMULA_START.test(s);

/**
 * Instants are shown in the centre's time zone as on screen: "2026-11-23 10:05:00". Asking Intl for every cell costs
 * ~6 µs, the largest cost per row of an export; the zone's offset is asked once per quarter hour of UTC instead (zone
 * changes fall on quarter hours) and applied by arithmetic.
 */
export function localTimeFormatter(timeZone: string) {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  });
  const QUARTER = 900_000;
  const offsets = new Map<number, number>();
  function offsetAt(ms: number): number {
    const bucket = Math.floor(ms / QUARTER);
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      const at = bucket * QUARTER;
      const p = Object.fromEntries(f.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
      const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
      offset = local - at;
      if (offsets.size > 100_000) offsets.clear();
      offsets.set(bucket, offset);
    }
    return offset;
  }
  return (iso: string): string => {
    const ms = Date.parse(iso);
    return new Date(ms + offsetAt(ms)).toISOString().slice(0, 19).replace('T', ' ');
  };
}

/** "2026-11-23 10:05:00" (local wall time) → the spreadsheet's serial day number. */
export function serialOfLocal(local: string): number {
  const ms = Date.parse(`${local.replace(' ', 'T')}Z`);
  return ms / 86_400_000 + 25_569;
}
