import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { fakeClock } from '../clock.js';
import { openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { createStatsModule } from '../modules/stats/index.js';
import { seedDemo } from './seed.js';

// A realistic year of complaints for figures at scale (issue 7), written with bulk inserts into a fresh SQLite file:
// seasonality (summer data, Spring Festival charges, Golden Week), the weekly and daily rhythm of a hotline, the §4
// category mix (five categories over 80%), first-contact interception, SLA outcomes (a few percent overdue or
// problem), repeat complaints, progress queries by IVR/SMS or by calling again, satisfaction surveys, and a few
// incidents (a burst of signal complaints from one compound). Its rollups are then built by the same rebuild whose
// equality with live updates the stats tests prove. SQLite only: the load goes through better-sqlite3 directly.

export interface YearOptions {
  file: string;
  tickets: number;
  /** the last moment of the year: tickets accepted before it, the ones near it still open */
  end: Date;
  seed?: number;
  timeZone?: string;
  /** subscriber base for per-customer figures; by default 6 per ticket a year */
  subscribers?: number;
  log?: (line: string) => void;
}

export interface YearFigures {
  tickets: number;
  customers: number;
  surveys: number;
  contacts: number;
  loadSeconds: number;
  rollupSeconds: number;
}

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const H = 3_600_000;
const DAY = 24 * H;
// Jan … Dec: Spring Festival roaming and charges, summer data use, Golden Week
const MONTH = [1.05, 1.15, 0.95, 0.9, 0.95, 1.0, 1.15, 1.2, 1.0, 1.08, 0.95, 1.0];
// Sunday first
const WEEKDAY = [0.8, 1.12, 1.08, 1.04, 1.02, 1.0, 0.86];
// by local hour: quiet at night, peaks mid-morning and mid-afternoon
const HOUR = [0.1, 0.05, 0.03, 0.03, 0.04, 0.08, 0.2, 0.5, 1.1, 1.5, 1.6, 1.4, 1.0, 1.1, 1.4, 1.5, 1.4, 1.2, 1.0, 1.0, 0.9, 0.7, 0.4, 0.2];
// DOMAIN.md §4: basic communication, value-added, charges, marketing and business support over 80%
const CATEGORY1: [string, number, number][] = [
  // code, share, interception rate at first contact
  ['01', 0.26, 0.35],
  ['06', 0.17, 0.65],
  ['03', 0.19, 0.7],
  ['04', 0.1, 0.6],
  ['07', 0.1, 0.55],
  ['08', 0.08, 0.5],
  ['02', 0.05, 0.6],
  ['05', 0.02, 0.3],
  ['09', 0.03, 0.6],
];
const CHANNELS: [string, number][] = [
  ['hotline', 0.72],
  ['hall', 0.08],
  ['web', 0.07],
  ['sms', 0.05],
  ['ivr', 0.04],
  ['api', 0.02],
  ['regulator', 0.02],
];
const LEVELS: [string, number][] = [
  ['normal', 0.8],
  ['silver', 0.12],
  ['gold', 0.06],
  ['diamond', 0.02],
];
const BRANCHES = ['BR-CQ', 'BR-XH', 'BR-HS', 'BR-TS', 'BR-KP', 'BR-EP'];
const LIMITS = '{"name":"default","replyMinutes":2880,"problemMinutes":4320,"warnPercent":75,"answerMinutes":4320}';

export async function generateYear(o: YearOptions): Promise<YearFigures> {
  const log = o.log ?? (() => {});
  const timeZone = o.timeZone ?? 'Asia/Shanghai';
  if (fs.existsSync(o.file)) throw new Error(`${o.file} exists: the year is written into a new file`);
  const endMs = o.end.getTime();
  const startMs = endMs - 365 * DAY;
  const rnd = mulberry32(o.seed ?? 2026);
  const weighted = <T>(xs: [T, number, ...unknown[]][]) => {
    const total = xs.reduce((n, x) => n + x[1], 0);
    return () => {
      let r = rnd() * total;
      for (const x of xs) if ((r -= x[1]) <= 0) return x;
      return xs[xs.length - 1]!;
    };
  };
  const logNormal = (medianH: number, sigma: number) => {
    // Box–Muller
    const z = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
    return medianH * Math.exp(sigma * z) * H;
  };

  const setup = openDatabase({ kind: 'sqlite', file: o.file });
  await migrateToLatest(setup);
  await seedDemo(setup, new Date(startMs));
  await setup.close();

  const started = performance.now();
  const db = new SQLite(o.file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF'); // a load that is simply redone if interrupted
  const one = <T>(q: string, ...p: unknown[]) => db.prepare(q).get(...p) as T;
  const all = <T>(q: string, ...p: unknown[]) => db.prepare(q).all(...p) as T[];

  // staff: hotline agents, hall staff in every branch, complaint desk
  const unitId = new Map(all<{ id: number; code: string }>('select id, code from org_units').map((u) => [u.code, u.id]));
  const hash = one<{ password_hash: string }>("select password_hash from users where username = 'agent'").password_hash;
  const at0 = new Date(startMs).toISOString();
  const addUser = db.prepare(
    'insert into users (username, display_name, role, unit_id, password_hash, is_active, version, created_at, updated_at) values (?, ?, ?, ?, ?, 1, 1, ?, ?)',
  );
  const agents: [number, number][] = [];
  const hall = new Map<string, [number, number][]>();
  const desk: [number, number][] = [];
  db.transaction(() => {
    for (let i = 1; i <= 80; i++) {
      const u = unitId.get('CSC-HOTLINE')!;
      agents.push([Number(addUser.run(`agent${i}`, `话务员${i}`, 'agent', u, hash, at0, at0).lastInsertRowid), u]);
    }
    for (const b of BRANCHES) {
      const staff: [number, number][] = [];
      for (let i = 1; i <= 4; i++) {
        const u = unitId.get(b)!;
        staff.push([Number(addUser.run(`${b.toLowerCase()}-${i}`, `${b}营业员${i}`, 'agent', u, hash, at0, at0).lastInsertRowid), u]);
      }
      hall.set(b, staff);
    }
    for (let i = 1; i <= 12; i++) {
      const u = unitId.get('CSC-DESK')!;
      desk.push([Number(addUser.run(`desk${i}`, `投诉专席${i}`, 'desk', u, hash, at0, at0).lastInsertRowid), u]);
    }
  })();

  // complainants: a subscriber in the year's list may complain several times (the repeats)
  const customerCount = Math.max(1000, Math.round(o.tickets / 2.5));
  const addCustomer = db.prepare(
    'insert into customers (phone, name, level, credit_level, home_area, created_at, updated_at) values (?, null, ?, ?, ?, ?, ?)',
  );
  const customerIds = new Int32Array(customerCount);
  const customerLevel: string[] = [];
  const customerBranch: string[] = [];
  const pickLevel = weighted(LEVELS);
  db.transaction(() => {
    for (let i = 0; i < customerCount; i++) {
      const level = pickLevel()[0];
      const branch = BRANCHES[Math.floor(rnd() * BRANCHES.length)]!;
      customerIds[i] = Number(
        addCustomer.run(`199${String(i).padStart(8, '0')}`, level, level === 'normal' ? 3 : 5, branch, at0, at0).lastInsertRowid,
      );
      customerLevel.push(level);
      customerBranch.push(branch);
    }
  })();

  const leaves = new Map<string, string[]>();
  for (const c of all<{ code: string; parent_code: string | null }>(
    'select code, parent_code from categories where parent_code is not null',
  ))
    leaves.set(c.parent_code!, [...(leaves.get(c.parent_code!) ?? []), c.code]);
  const classOf = new Map(
    all<{ code: string; regulator_class: string }>('select code, regulator_class from categories').map((c) => [c.code, c.regulator_class]),
  );
  const routeOf = new Map(
    all<{ category_code: string; unit_id: number }>('select category_code, unit_id from routing_rules').map((r) => [
      r.category_code,
      r.unit_id,
    ]),
  );

  // how many complaints each day gets: month × weekday, plus a few incident bursts
  const days = 365;
  const dayWeight = Array.from({ length: days }, (_, d) => {
    const t = new Date(startMs + d * DAY + 8 * H);
    return MONTH[t.getUTCMonth()]! * WEEKDAY[t.getUTCDay()]!;
  });
  const weightSum = dayWeight.reduce((a, b) => a + b, 0);
  const incidents = new Set(Array.from({ length: 4 }, () => 30 + Math.floor(rnd() * (days - 40))));
  const incidentShare = 0.002;
  const perDay = dayWeight.map((w) => Math.floor((w / weightSum) * o.tickets * (1 - incidents.size * incidentShare)));
  let short = o.tickets - perDay.reduce((a, b) => a + b, 0);
  for (const d of incidents) {
    const burst = Math.min(short, Math.floor(o.tickets * incidentShare));
    perDay[d]! += burst;
    short -= burst;
  }
  for (let d = days - 1; short > 0; d = (d + days - 1) % days, short--) perDay[d]!++;
  const hourTotal = HOUR.reduce((a, b) => a + b, 0);
  const localOffset = 8 * H; // the hourly rhythm is the demo's (Asia/Shanghai); instants are stored in UTC

  const addTicket =
    db.prepare(`insert into tickets (number, channel, customer_id, category_code, description, location_city, location_district,
      location_compound, priority, escalation_level, status, owner_id, owner_unit_id, handling_unit_id, regulator_ref, is_over_level,
      is_intercepted, is_solved, resolution, answer, created_at, updated_at, dispatched_at, replied_at, answered_at, closed_at, version,
      sla_state, reply_state, sla_limits, sla_started_at, sla_warn_at, sla_reply_due_at, sla_problem_at, sla_outcome,
      answer_started_at, answer_due_at, answer_warn_at, answer_state, legal_due_at, legal_warn_at, legal_state, sla_next_at, is_repeat)
    values (?, ?, ?, ?, ?, '江门', ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ok', ?, ?)`);
  const addFacts = db.prepare(
    'insert into stats_tickets (ticket_id, category_code, customer_level, branch, regulator_class) values (?, ?, ?, ?, ?)',
  );
  const addSurvey =
    db.prepare(`insert into surveys (ticket_id, customer_id, reply_code, channel, status, score, answered_via, sent_at, answered_at, expires_at)
    values (?, ?, null, 'sms', ?, ?, ?, ?, ?, ?)`);
  const addContact = db.prepare(
    'insert into customer_contacts (customer_id, phone, channel, kind, ticket_id, at) values (?, ?, ?, ?, ?, ?)',
  );

  const pickCategory = weighted(CATEGORY1);
  const pickChannel = weighted(CHANNELS);
  const lastComplaint = new Map<number, { at: number; cat1: string }>();
  const seqByDay = new Map<string, number>();
  const iso = (ms: number) => new Date(ms).toISOString();
  const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));
  let tickets = 0;
  let surveys = 0;
  let contacts = 0;

  const writeDay = db.transaction((d: number) => {
    const n = perDay[d]!;
    const dayStart = startMs + d * DAY - ((startMs + localOffset) % DAY);
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      let r = rnd() * hourTotal;
      let h = 0;
      while ((r -= HOUR[h]!) > 0 && h < 23) h++;
      times.push(dayStart + h * H + Math.floor(rnd() * H));
    }
    times.sort((a, b) => a - b);
    const isIncident = incidents.has(d);
    const compound = `incident-${d}`;
    for (let i = 0; i < n; i++) {
      const created = times[i]!;
      if (created >= endMs) continue;
      const burst = isIncident && i % 5 === 0;
      const [cat1, , interceptRate] = burst ? (['01', 0, 0.1] as [string, number, number]) : (pickCategory() as [string, number, number]);
      const kids = leaves.get(cat1)!;
      const category = burst ? '0104' : kids[Math.floor(rnd() * kids.length)]!;
      const channel = burst ? 'hotline' : pickChannel()[0];
      const ci = Math.floor(Math.pow(rnd(), 1.3) * customerCount);
      const customerId = customerIds[ci]!;
      const prior = lastComplaint.get(ci);
      const isRepeat = prior !== undefined && prior.cat1 === cat1 && created - prior.at < 30 * DAY ? 1 : 0;
      lastComplaint.set(ci, { at: created, cat1 });
      const [ownerId, ownerUnit] =
        channel === 'regulator'
          ? desk[Math.floor(rnd() * desk.length)]!
          : channel === 'hall'
            ? hall.get(customerBranch[ci]!)![Math.floor(rnd() * 4)]!
            : agents[Math.floor(rnd() * agents.length)]!;
      const intercepted = channel !== 'regulator' && rnd() < interceptRate;

      let status = 'closed';
      let dispatched: number | null = null;
      let replied: number | null = null;
      let answered: number | null = null;
      let closed: number | null = null;
      let outcome: string | null = null;
      let solved: number | null = null;
      if (intercepted) {
        answered = closed = created + Math.floor(rnd() * 20 * 60_000) + 60_000;
        solved = 1;
      } else {
        dispatched = created + logNormal(0.7, 0.8);
        replied = dispatched + logNormal(14, 0.7);
        answered = replied + logNormal(3, 0.9);
        closed = answered + logNormal(6, 1);
        outcome = replied - dispatched > 72 * H ? 'problem' : replied - dispatched > 48 * H ? 'overdue' : 'timely';
        solved = rnd() < 0.93 ? 1 : 0;
        // the end of the year cuts the loop wherever each complaint stands
        if (dispatched > endMs)
          [status, dispatched, replied, answered, closed, outcome, solved] = ['accepted', null, null, null, null, null, null];
        else if (replied > endMs) [status, replied, answered, closed, outcome, solved] = ['processing', null, null, null, null, null];
        else if (answered > endMs) [status, answered, closed] = ['replied', null, null];
        else if (closed > endMs) [status, closed] = ['answered', null];
      }
      const unreplied = dispatched !== null && replied === null;
      const late = unreplied ? endMs - dispatched! : 0;
      const replyState =
        dispatched === null
          ? 'none'
          : unreplied
            ? late > 72 * H
              ? 'problem'
              : late > 48 * H
                ? 'overdue'
                : late > 36 * H
                  ? 'warning'
                  : 'ok'
            : 'ok';
      const local = new Date(created + localOffset).toISOString().slice(0, 10).replaceAll('-', '');
      const seq = (seqByDay.get(local) ?? 0) + 1;
      seqByDay.set(local, seq);
      const due = (h: number) => (dispatched === null ? null : iso(dispatched + h * H));
      const nextAt = unreplied ? ([36, 48, 72].map((h) => dispatched! + h * H).find((t) => t > endMs) ?? null) : null;
      const id = Number(
        addTicket.run(
          `TS${local}${String(seq).padStart(6, '0')}`,
          channel,
          customerId,
          category,
          burst ? '小区里突然没有信号，邻居也一样' : '投诉内容（演示数据）',
          burst ? '蓬江区' : null,
          burst ? compound : null,
          isRepeat ? 'high' : 'normal',
          status,
          ownerId,
          ownerUnit,
          dispatched === null ? null : (routeOf.get(cat1) ?? unitId.get('CSC-DESK')!),
          channel === 'regulator' ? `GD12300-${d}-${i}` : null,
          channel === 'regulator' && rnd() < 0.9 ? 1 : 0,
          intercepted ? 1 : 0,
          solved,
          replied !== null || intercepted ? '已处理' : null,
          answered !== null ? '已答复客户' : null,
          iso(created),
          iso(closed ?? answered ?? replied ?? dispatched ?? created),
          isoOrNull(dispatched),
          isoOrNull(replied),
          isoOrNull(answered),
          isoOrNull(closed),
          replyState === 'none' ? 'ok' : replyState,
          replyState,
          dispatched === null ? null : LIMITS,
          isoOrNull(dispatched),
          due(36),
          due(48),
          due(72),
          outcome,
          iso(created),
          iso(created + 72 * H),
          iso(created + 54 * H),
          answered === null && endMs - created > 72 * H ? 'overdue' : 'ok',
          iso(created + 15 * DAY),
          iso(created + 12 * DAY),
          isoOrNull(nextAt),
          isRepeat,
        ).lastInsertRowid,
      );
      addFacts.run(id, category, customerLevel[ci]!, customerBranch[ci]!, classOf.get(cat1) ?? 'customer_service');
      tickets++;

      // progress queries while it was open: by IVR/SMS/web (self-service) or by calling an agent again
      if (dispatched !== null) {
        const until = Math.min(answered ?? endMs, endMs);
        const queries = rnd() < 0.45 ? 1 + Math.floor(rnd() * 2) : 0;
        for (let q = 0; q < queries; q++) {
          const when = created + rnd() * (until - created);
          const self = rnd() < 0.55;
          addContact.run(
            customerId,
            `199${String(ci).padStart(8, '0')}`,
            self ? (rnd() < 0.6 ? 'ivr' : 'sms') : 'hotline',
            self ? 'self_service_query' : 'repeat_call',
            id,
            iso(when),
          );
          contacts++;
        }
      }
      // a survey after close: most answer within a day, mostly satisfied
      if (closed !== null && rnd() < 0.7) {
        const answeredSurvey = rnd() < 0.65 ? closed + logNormal(2, 1) : null;
        const expires = closed + 3 * DAY;
        const r = rnd();
        const score = r < 0.6 ? 5 : r < 0.88 ? 4 : r < 0.94 ? 3 : r < 0.97 ? 2 : 1;
        if (answeredSurvey !== null && answeredSurvey < endMs)
          addSurvey.run(id, customerId, 'answered', score, 'sms', iso(closed), iso(answeredSurvey), iso(expires));
        else addSurvey.run(id, customerId, expires < endMs ? 'expired' : 'pending', null, null, iso(closed), null, iso(expires));
        surveys++;
      }
    }
  });
  for (let d = 0; d < days; d++) {
    writeDay(d);
    if (d % 30 === 29) log(`  ${tickets.toLocaleString('en')} tickets written (day ${d + 1} of ${days})`);
  }
  // today's numbers continue the generated ones
  const seqRow = db.prepare('insert into ticket_number_seq (day, last) values (?, ?)');
  db.transaction(() => {
    for (const [day, last] of seqByDay) seqRow.run(day, last);
  })();
  db.prepare("insert into system_settings (key, value, updated_at) values ('stats.subscribers', ?, ?)").run(
    String(o.subscribers ?? o.tickets * 6),
    iso(endMs),
  );
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const loadSeconds = (performance.now() - started) / 1000;
  log(`loaded ${tickets.toLocaleString('en')} tickets in ${loadSeconds.toFixed(0)} s; building the rollups ...`);

  const t1 = performance.now();
  const conn = openDatabase({ kind: 'sqlite', file: o.file });
  const stats = createStatsModule({ db: conn, clock: fakeClock(o.end), timeZone });
  await stats.rollups.rebuild();
  await conn.close();
  const rollupSeconds = (performance.now() - t1) / 1000;
  return { tickets, customers: customerCount, surveys, contacts, loadSeconds, rollupSeconds };
}
