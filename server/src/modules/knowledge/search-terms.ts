// How a query becomes terms, pure. Trigram indexes find any substring of 3+ characters; shorter terms are matched
// by a plain substring scan instead (still correct, only not indexed).

export const MIN_INDEXED = 3;
const MAX_TERMS = 8;

/** whitespace-separated terms, deduplicated, at most eight, each at most 50 characters */
export function searchTerms(q: string): string[] {
  const terms = q
    .normalize('NFKC')
    .split(/\s+/)
    .map((t) => t.trim().slice(0, 50))
    .filter((t) => t.length > 0);
  return [...new Set(terms.map((t) => t.toLowerCase()))].slice(0, MAX_TERMS);
}

export const isIndexable = (term: string) => [...term].length >= MIN_INDEXED;

/** an FTS5 phrase: the term in double quotes, quotes inside doubled, so no query syntax leaks through */
export const ftsPhrase = (term: string) => `"${term.replace(/"/g, '""')}"`;

const CJK = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const WORD = /[A-Za-z0-9][A-Za-z0-9+.-]{2,}/g;

/**
 * Terms that describe a ticket, for "similar cases": every 3-character window of its Chinese runs and its Latin
 * words of 3+ letters, most frequent first, at most `max`.
 */
export function describingTerms(text: string, max = 24): string[] {
  const counts = new Map<string, number>();
  const add = (t: string) => counts.set(t, (counts.get(t) ?? 0) + 1);
  for (const run of text.normalize('NFKC').match(CJK) ?? []) {
    const chars = [...run];
    if (chars.length < MIN_INDEXED) continue;
    for (let i = 0; i + MIN_INDEXED <= chars.length; i++) add(chars.slice(i, i + MIN_INDEXED).join(''));
  }
  for (const w of text.match(WORD) ?? []) add(w.toLowerCase());
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, max)
    .map(([t]) => t);
}

/** about `width` characters of `body` around the first term found, with ellipses where cut */
export function snippetOf(body: string, terms: string[], width = 120): string {
  const lower = body.toLowerCase();
  let at = -1;
  for (const t of terms) {
    const i = lower.indexOf(t.toLowerCase());
    if (i !== -1 && (at === -1 || i < at)) at = i;
  }
  const start = Math.max(0, (at === -1 ? 0 : at) - Math.floor(width / 3));
  const end = Math.min(body.length, start + width);
  return `${start > 0 ? '…' : ''}${body.slice(start, end).replace(/\s+/g, ' ')}${end < body.length ? '…' : ''}`;
}
