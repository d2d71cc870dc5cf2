// A number a customer can read out over the phone: TS + the organisation's local date + a daily sequence,
// e.g. TS20261122000123. The day is local so that a complaint at 01:00 in Shanghai carries that day's date.

const formatters = new Map<string, Intl.DateTimeFormat>();

export function localDay(at: Date, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) formatters.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  const parts = f.formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}${get('month')}${get('day')}`;
}

export function formatTicketNumber(day: string, sequence: number): string {
  // six digits cover the busiest centre's day; a seventh appears only past 999,999 and stays unique
  return `TS${day}${String(sequence).padStart(6, '0')}`;
}

export const TICKET_NUMBER = /^TS[0-9]{14,}$/;
