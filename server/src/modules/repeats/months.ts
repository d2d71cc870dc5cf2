// Months as the centre reads them: from local midnight on the 1st, in the centre's time zone.

function offsetMs(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return local - Math.floor(instant / 1000) * 1000;
}

/** the UTC instant (ISO) at which month YYYY-MM starts locally */
export function monthStart(month: string, timeZone: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, 1);
  return new Date(guess - offsetMs(guess - offsetMs(guess, timeZone), timeZone)).toISOString();
}

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
