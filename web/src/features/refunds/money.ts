// Amounts are typed in yuan and travel as integer fen: parsed from the text, never through a float.
const YUAN = /^\s*(\d{1,7})(?:\.(\d{1,2}))?\s*$/;

/** "12.3" → 1230; null when it is not an amount with at most two decimals */
export function yuanToFen(input: string): number | null {
  const m = YUAN.exec(input);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 1230 → "12.30" */
export const fenToYuan = (fen: number): string => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
