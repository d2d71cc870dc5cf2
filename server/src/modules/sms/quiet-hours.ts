// Quiet hours: notifications that arrive at night wait for the morning, in the organisation's time zone.
export interface QuietHours {
  startMinute: number;
  endMinute: number;
}

// Purposes a customer did not just ask for; one-time codes and replies to the customer's own message always go.
const DEFERRABLE = new Set(['notification', 'survey', 'callback', 'incident']);
export const isDeferrable = (purpose: string) => DEFERRABLE.has(purpose);

function wallParts(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const n = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return { y: n('year'), mo: n('month'), d: n('day'), h: n('hour'), mi: n('minute'), s: n('second') };
}

/** The instant quiet hours end if `at` falls inside them, else null. */
export function quietUntil(at: Date, timeZone: string, quiet: QuietHours | null): Date | null {
  if (!quiet) return null;
  const w = wallParts(at, timeZone);
  const minute = w.h * 60 + w.mi;
  const { startMinute: s, endMinute: e } = quiet;
  const inside = s < e ? minute >= s && minute < e : minute >= s || minute < e;
  if (!inside) return null;
  const wallNow = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) + at.getUTCMilliseconds();
  const offset = wallNow - at.getTime();
  // the end falls later today, or tomorrow when the window wraps past midnight and we are before it
  const dayStart = Date.UTC(w.y, w.mo - 1, w.d);
  let endWall = dayStart + e * 60_000;
  if (endWall <= wallNow) endWall += 86_400_000;
  return new Date(endWall - offset);
}
