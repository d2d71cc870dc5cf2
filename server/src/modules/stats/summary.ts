import type { StatsDimension, StatsFigures, StatsRow, StatsSummary, StatsSummaryQuery } from '../../../../contracts/stats.js';
import type { Clock } from '../../clock.js';
import { badRequest } from '../../errors.js';
import { NONE } from './contribution.js';
import { buckets, dayCount, lastYearPeriod, previousPeriod, type Period } from './periods.js';
import type { StatsRepository, Sums } from './repository.js';
import type { StatsRollups } from './rollups.js';

// The summary: DOMAIN.md §10's figures (and §11's regulator view) from the rollups, per group, beside the previous
// period and the same period last year. Reads only stats_daily: a period's cost is its days × groups, whatever the
// history. Every ratio is computed here from its counts, exactly as §10 states it, and is null over zero.

export const MAX_DAYS = 1100;
const NAMES_TTL_MS = 10_000;
const CUSTOMERS_TTL_MS = 10 * 60_000;
export const SUBSCRIBERS_SETTING = 'stats.subscribers';

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

export function figuresOf(s: Sums, customers: number | null): StatsFigures {
  const timely = s.dispatched - s.overdue - s.problem;
  return {
    volume: s.volume,
    intercepted: s.intercepted,
    interceptionRate: ratio(s.intercepted, s.volume),
    dispatched: s.dispatched,
    timely,
    overdue: s.overdue,
    problem: s.problem,
    timelyRate: ratio(timely, s.dispatched),
    repeatComplaints: s.repeat_complaints,
    repeatRate: ratio(s.repeat_complaints, s.volume),
    repeatCalls: s.repeat_calls,
    repeatCallRate: ratio(s.repeat_calls, s.volume),
    selfServiceQueries: s.self_service_queries,
    progressQueries: s.progress_queries,
    selfServiceShare: ratio(s.self_service_queries, s.progress_queries),
    closed: s.closed,
    resolved: s.resolved,
    resolutionRate: ratio(s.resolved, s.closed),
    surveys: s.surveys,
    satisfied: s.satisfied,
    satisfaction: ratio(s.satisfied, s.surveys),
    answered: s.answered,
    avgHandlingHours: s.answered === 0 ? null : s.handling_ms / s.answered / 3_600_000,
    customers,
    perTenThousandCustomers: customers ? (s.volume / customers) * 10_000 : null,
    overLevel: s.over_level,
    appealsPerMillionCustomers: customers ? (s.over_level / customers) * 1_000_000 : null,
    volumeByRegulatorClass: {
      network_quality: s.vol_network_quality,
      charges_dispute: s.vol_charges_dispute,
      customer_service: s.vol_customer_service,
    },
    overLevelByRegulatorClass: {
      network_quality: s.ol_network_quality,
      charges_dispute: s.ol_charges_dispute,
      customer_service: s.ol_customer_service,
    },
  };
}

const zero = (): Sums => ({
  volume: 0,
  intercepted: 0,
  repeat_complaints: 0,
  repeat_calls: 0,
  over_level: 0,
  vol_network_quality: 0,
  vol_charges_dispute: 0,
  vol_customer_service: 0,
  ol_network_quality: 0,
  ol_charges_dispute: 0,
  ol_customer_service: 0,
  dispatched: 0,
  overdue: 0,
  problem: 0,
  closed: 0,
  resolved: 0,
  answered: 0,
  handling_ms: 0,
  surveys: 0,
  satisfied: 0,
  self_service_queries: 0,
  progress_queries: 0,
});
const plus = (a: Sums, b: Sums): Sums => {
  const out = { ...a };
  for (const k of Object.keys(b) as (keyof Sums)[]) out[k] += b[k];
  return out;
};

const CHANNEL_NAMES: Record<string, [string, string]> = {
  hotline: ['热线', 'Hotline'],
  hall: ['营业厅', 'Service hall'],
  sms: ['短信', 'SMS'],
  ivr: ['语音自助', 'IVR'],
  web: ['网页', 'Web'],
  api: ['接口', 'API'],
  regulator: ['监管转办', 'Regulator'],
};
const LEVEL_NAMES: Record<string, [string, string]> = {
  normal: ['普通', 'Normal'],
  silver: ['银卡', 'Silver'],
  gold: ['金卡', 'Gold'],
  diamond: ['钻石', 'Diamond'],
};
const UNKNOWN: [string, string] = ['未知', 'Unknown'];

export function createStatsSummary(deps: { repo: StatsRepository; rollups: StatsRollups; clock: Clock; timeZone: string }) {
  const { repo, clock } = deps;
  let names:
    | {
        at: number;
        units: Map<number, { code: string; name: string; nameEn: string }>;
        byCode: Map<string, { id: number; name: string; nameEn: string }>;
        categories: Map<string, [string, string]>;
      }
    | undefined;
  let customers: { at: number; n: number | null } | undefined;

  async function referenceNames() {
    const now = clock.now().getTime();
    if (!names || now - names.at > NAMES_TTL_MS || now < names.at) {
      const [units, cats] = await Promise.all([repo.units(), repo.categories()]);
      names = {
        at: now,
        units: new Map(units.map((u) => [u.id, { code: u.code, name: u.name, nameEn: u.name_en }])),
        byCode: new Map(units.map((u) => [u.code, { id: u.id, name: u.name, nameEn: u.name_en }])),
        categories: new Map(cats.map((c) => [c.code, [c.name_zh, c.name_en]])),
      };
    }
    return names;
  }

  // the subscriber base: set by the operator (system setting stats.subscribers), else the customers on record
  async function customerBase(): Promise<number | null> {
    const now = clock.now().getTime();
    if (!customers || now - customers.at > CUSTOMERS_TTL_MS || now < customers.at) {
      const set = await repo.setting(SUBSCRIBERS_SETTING);
      const n = set !== undefined && /^[0-9]+$/.test(set) ? Number(set) : await repo.customerCount();
      customers = { at: now, n: n > 0 ? n : null };
    }
    return customers.n;
  }

  /** The group's key as the API shows it (unit code rather than id) and its names. */
  async function describe(by: StatsDimension, value: string): Promise<{ key: string; label: string; labelEn: string }> {
    if (value === NONE) return { key: NONE, label: UNKNOWN[0], labelEn: UNKNOWN[1] };
    const n = await referenceNames();
    switch (by) {
      case 'channel': {
        const [zh, en] = CHANNEL_NAMES[value] ?? [value, value];
        return { key: value, label: zh, labelEn: en };
      }
      case 'level': {
        const [zh, en] = LEVEL_NAMES[value] ?? [value, value];
        return { key: value, label: zh, labelEn: en };
      }
      case 'category':
      case 'category1': {
        const [zh, en] = n.categories.get(value) ?? [value, value];
        return { key: value, label: zh, labelEn: en };
      }
      case 'unit': {
        const u = n.units.get(Number(value));
        return u ? { key: u.code, label: u.name, labelEn: u.nameEn } : { key: value, label: value, labelEn: value };
      }
      case 'branch': {
        const u = n.byCode.get(value);
        return { key: value, label: u?.name ?? value, labelEn: u?.nameEn ?? value };
      }
      default:
        return { key: value, label: value, labelEn: value };
    }
  }

  function checkPeriod(q: { from: string; to: string }) {
    if (q.to < q.from) throw badRequest('validation.invalid_value', 'The period ends before it starts', { field: 'querystring.to' });
    if (dayCount(q.from, q.to) > MAX_DAYS)
      throw badRequest('validation.invalid_value', `A period is at most ${MAX_DAYS} days`, { field: 'querystring.to' });
  }

  return {
    checkPeriod,
    /** A summary group's key back to the stored value (unit code → id); undefined when no such group exists. */
    async storedValue(by: StatsDimension, key: string): Promise<string | undefined> {
      if (by !== 'unit' || key === NONE) return key;
      const u = (await referenceNames()).byCode.get(key);
      return u ? String(u.id) : undefined;
    },

    async summary(q: StatsSummaryQuery): Promise<StatsSummary> {
      checkPeriod(q);
      await deps.rollups.catchUp();
      const by = q.by ?? null;
      const current: Period = { from: q.from, to: q.to };
      const periods = { current, previous: previousPeriod(current), lastYear: lastYearPeriod(current) };
      const dim = by ?? 'all';
      const [cur, prev, last, base] = await Promise.all([
        repo.sums(dim, current.from, current.to),
        repo.sums(dim, periods.previous.from, periods.previous.to),
        repo.sums(dim, periods.lastYear.from, periods.lastYear.to),
        customerBase(),
      ]);
      const total = (m: Map<string, Sums>) => [...m.values()].reduce(plus, zero());
      const fig = (s: Sums | undefined) => figuresOf(s ?? zero(), base);
      const totalRow: StatsRow = {
        key: 'all',
        label: '合计',
        labelEn: 'Total',
        current: fig(total(cur)),
        previous: fig(total(prev)),
        lastYear: fig(total(last)),
      };

      let groups: StatsRow[] = [];
      if (by === 'day' || by === 'month') {
        const [c, p, l] = [buckets(current, by), buckets(periods.previous, by), buckets(periods.lastYear, by)];
        groups = c.map((key, i) => ({
          key,
          label: key,
          labelEn: key,
          current: fig(cur.get(key)),
          previous: fig(p[i] !== undefined ? prev.get(p[i]) : undefined),
          lastYear: fig(l[i] !== undefined ? last.get(l[i]) : undefined),
        }));
      } else if (by) {
        const values = new Set([...cur.keys(), ...prev.keys(), ...last.keys()]);
        if (by === 'agent') {
          const ids = [...values].filter((v) => v !== NONE).map(Number);
          const people = new Map((await repo.users(ids)).map((u) => [String(u.id), u.display_name]));
          groups = [...values].map((v) => ({
            key: v,
            label: v === NONE ? '未知' : (people.get(v) ?? v),
            labelEn: v === NONE ? 'Unknown' : (people.get(v) ?? v),
            current: fig(cur.get(v)),
            previous: fig(prev.get(v)),
            lastYear: fig(last.get(v)),
          }));
        } else {
          for (const v of values)
            groups.push({ ...(await describe(by, v)), current: fig(cur.get(v)), previous: fig(prev.get(v)), lastYear: fig(last.get(v)) });
        }
        groups.sort((a, b) => b.current.volume - a.current.volume || a.key.localeCompare(b.key));
      }
      return { from: q.from, to: q.to, by, timeZone: deps.timeZone, periods, total: totalRow, groups };
    },
  };
}
export type StatsSummaryService = ReturnType<typeof createStatsSummary>;
