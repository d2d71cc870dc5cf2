import type { MessageKey } from '../locales/zh-CN';
import type { SlaState } from './vocabulary';

type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** What a clock shows: the state it is in, the deadline it races, and whether it is stopped. */
export interface ClockFace {
  state: SlaState;
  dueAt: string | null;
  paused: boolean;
}

export type TimeLeft =
  | { kind: 'none' }
  | { kind: 'paused'; tone: SlaState }
  | { kind: 'left'; ms: number; tone: SlaState }
  | { kind: 'overdue'; ms: number; tone: SlaState };

const MINUTE = 60_000;

// The sweep marks a breach within seconds, but the page may be a minute ahead of it: past the deadline is overdue
// whatever the last answer said.
const atLeastOverdue = (state: SlaState): SlaState => (state === 'problem' ? 'problem' : 'overdue');

export function timeLeft(clock: ClockFace, now: number): TimeLeft {
  if (!clock.dueAt) return { kind: 'none' };
  if (clock.paused) return { kind: 'paused', tone: clock.state };
  const ms = Date.parse(clock.dueAt) - now;
  return ms > 0 ? { kind: 'left', ms, tone: clock.state } : { kind: 'overdue', ms: -ms, tone: atLeastOverdue(clock.state) };
}

/** Days and hours, hours and minutes, or minutes: the two largest units, whole, rounded down. */
export function formatDuration(ms: number, t: Translate): string {
  const minutes = Math.floor(Math.max(0, ms) / MINUTE);
  if (minutes < 1) return t('duration.underMinute');
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return h ? t('duration.dh', { d, h }) : t('duration.d', { d });
  if (h > 0) return m ? t('duration.hm', { h, m }) : t('duration.h', { h });
  return t('duration.m', { m });
}

export function timeLeftText(left: TimeLeft, t: Translate): string {
  switch (left.kind) {
    case 'none':
      return t('common.none');
    case 'paused':
      return t('sla.paused');
    case 'left':
      return t('sla.left', { duration: formatDuration(left.ms, t) });
    case 'overdue':
      return t('sla.overdueBy', { duration: formatDuration(left.ms, t) });
  }
}

/** A limit in minutes as hours, to two decimals at most: 2880 → 48, 90 → 1.5, 2 → 0.03. */
export const minutesToHours = (minutes: number): number => Math.round((minutes / 60) * 100) / 100;

/** Hours typed by an administrator as whole minutes, never below one. */
export const hoursToMinutes = (hours: number): number => Math.max(1, Math.round(hours * 60));
