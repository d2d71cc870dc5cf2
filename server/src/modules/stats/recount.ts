import {
  MEASURES,
  addTo,
  NONE,
  contactDims,
  contactMeasures,
  entryKey,
  localDays,
  nonZero,
  ticketDims,
  ticketMeasures,
  type Dim,
  type Entries,
  type TicketSnapshot,
} from './contribution.js';
import type { Conn, StatsRepository } from './repository.js';

const PAGE = 5000;

/**
 * Every figure counted again from the source rows — each ticket as it is now, its answered survey, its contacts — by
 * a full scan a page at a time: what the rollups must equal. The rebuild writes it; the tests and the bench compare.
 * Facts fixed at acceptance (level, branch, regulator class) come from stats_tickets, or as they stand now for a
 * ticket without them.
 */
export async function recount(repo: StatsRepository, conn: Conn, timeZone: string): Promise<Entries> {
  const dayOf = localDays(timeZone);
  // straight into (dimension, value, day): a few hundred values a day at most, however many tickets
  const entries: Entries = new Map();
  const add = (dims: [Dim, string][], measures: [string, number, number][]) => addTo(entries, dims, measures, 1);

  for (let after = 0; ;) {
    const rows = await repo.ticketPage(conn, after, PAGE);
    for (const r of rows) {
      const s: TicketSnapshot = {
        category_code: r.category_code,
        customer_level: r.st_id !== null ? r.customer_level! : (r.current_level ?? 'normal'),
        branch: r.st_id !== null ? r.branch! : r.current_branch || NONE,
        regulator_class: r.st_id !== null ? r.regulator_class! : (r.current_class ?? 'customer_service'),
        has_repeat_call: r.has_repeat_call ? 1 : 0,
        survey_answered_at: r.survey_answered_at,
        survey_score: r.survey_score,
      };
      add(ticketDims(r, s), ticketMeasures(r, s, dayOf));
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.id;
  }
  for (let after = 0; ;) {
    const rows = await repo.contactPage(conn, after, PAGE);
    for (const c of rows) {
      const s = c.category_code !== null ? { category_code: c.category_code, customer_level: c.customer_level!, branch: c.branch! } : null;
      add(contactDims(c, s), contactMeasures(c, dayOf));
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.id;
  }

  return nonZero(entries);
}

/** The rollups as stored, in the same shape as a recount, for comparing the two. */
export async function storedRollups(conn: Conn): Promise<Entries> {
  const rows = await conn.selectFrom('stats_daily').selectAll().execute();
  const out: Entries = new Map();
  for (const r of rows)
    out.set(
      entryKey(r.dim as Dim, r.value, r.day),
      MEASURES.map((m) => Number(r[m])),
    );
  return nonZero(out);
}

/** The monthly rollups as stored, and what they must be: the daily ones summed per month. */
export async function storedMonthlyRollups(conn: Conn): Promise<Entries> {
  const rows = await conn.selectFrom('stats_monthly').selectAll().execute();
  const out: Entries = new Map();
  for (const r of rows)
    out.set(
      entryKey(r.dim as Dim, r.value, r.month),
      MEASURES.map((m) => Number(r[m])),
    );
  return nonZero(out);
}
export function byMonth(daily: Entries): Entries {
  const out: Entries = new Map();
  for (const [key, v] of daily) {
    const k = key.slice(0, key.length - 3);
    const cur = out.get(k);
    if (!cur) out.set(k, [...v]);
    else for (let i = 0; i < v.length; i++) cur[i]! += v[i]!;
  }
  return nonZero(out);
}
