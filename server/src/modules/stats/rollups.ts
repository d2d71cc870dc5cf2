import type { Transaction } from 'kysely';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/schema.js';
import type { TicketChange, TicketObserver } from '../tickets/index.js';
import {
  addTo,
  contactDims,
  contactMeasures,
  localDays,
  mergeInto,
  nonZero,
  ticketDims,
  ticketMeasures,
  type Entries,
  type TicketSnapshot,
  type TicketStatsRow,
} from './contribution.js';
import { recount } from './recount.js';
import type { StatsRepository } from './repository.js';

// Rollups kept in step with the tickets. Every change to a ticket row that a figure reads comes here inside the
// transaction that made it: the ticket flow's changes as a TicketObserver, the SLA sweep's marks and escalations
// through `onClocksChanged`. Each adds the ticket's contribution after the change and takes away the one before,
// so a rollup is always the sum of what the tickets are now. Assignment changes only who works an order, which no
// figure reads. Contacts and survey answers are written by other modules: each carries a mark once counted, and
// `catchUp` counts the unmarked ones (a partial index holds only those), so each is counted exactly once.

const CATCH_UP_BATCH = 500;
const REBUILD_MARK = 'stats.rebuild';

// Stands in for the real facts while deciding whether a change moves any figure; it moves none of them.
const PLACEHOLDER: TicketSnapshot = {
  category_code: '',
  customer_level: '',
  branch: '',
  regulator_class: '',
  has_repeat_call: 0,
  survey_answered_at: null,
  survey_score: null,
};

export function createStatsRollups(deps: { repo: StatsRepository; timeZone: string; clock: Clock }) {
  const { repo } = deps;
  const dayOf = localDays(deps.timeZone);

  const delta = (before: TicketStatsRow | null, after: TicketStatsRow, sBefore: TicketSnapshot, sAfter: TicketSnapshot): Entries => {
    const acc: Entries = new Map();
    if (before) addTo(acc, ticketDims(before, sBefore), ticketMeasures(before, sBefore, dayOf), -1);
    addTo(acc, ticketDims(after, sAfter), ticketMeasures(after, sAfter, dayOf), 1);
    return nonZero(acc);
  };

  async function snapshotOf(trx: Transaction<Database>, ticketId: number, t: { customer_id: number; category_code: string }) {
    let s = await repo.snapshot(trx, ticketId);
    if (!s) {
      // a ticket from before the rollups existed and not yet rebuilt: its facts as they stand now
      s = await repo.freshSnapshot(trx, t.customer_id, t.category_code);
      await repo.insertSnapshot(trx, ticketId, s);
    }
    return s;
  }

  /** A change to a ticket row, before and after, inside the transaction that made it. */
  async function onRowChange(
    trx: Transaction<Database>,
    ticketId: number,
    before: TicketStatsRow,
    after: TicketStatsRow & { customer_id: number },
  ) {
    // most moves change no figure (a note, a warning); only then are the ticket's other facts read
    if (delta(before, after, PLACEHOLDER, PLACEHOLDER).size === 0) return;
    const s = await snapshotOf(trx, ticketId, after);
    let next = s;
    if (before.category_code !== after.category_code) {
      // recategorised: it counts under the new category and that category's regulator class from now on
      const { regulator_class } = await repo.freshSnapshot(trx, after.customer_id, after.category_code);
      next = { ...s, category_code: after.category_code, regulator_class };
      await repo.updateSnapshot(trx, ticketId, { category_code: next.category_code, regulator_class });
    }
    await repo.apply(trx, delta(before, after, s, next));
  }

  const observer: TicketObserver = {
    async onTicketChange(trx: Transaction<Database>, change: TicketChange) {
      const after = change.after as unknown as TicketStatsRow & { id: number; customer_id: number };
      if (change.before === null) {
        const s = await repo.freshSnapshot(trx, after.customer_id, after.category_code);
        await repo.insertSnapshot(trx, after.id, s);
        await repo.apply(trx, delta(null, after, s, s));
        return;
      }
      await onRowChange(trx, after.id, change.before as unknown as TicketStatsRow, after);
    },
  };

  /** Counts the contacts and survey answers recorded since the last call; answers how many rows it took. */
  async function catchUp(): Promise<number> {
    if (!(await repo.hasUncounted())) return 0;
    let taken = 0;
    for (;;) {
      const n = await repo.transaction(async (trx) => {
        const acc: Entries = new Map();
        const snapshots = new Map<number, TicketSnapshot | null>();
        const facts = async (ticketId: number | null) => {
          if (ticketId === null) return null;
          if (!snapshots.has(ticketId)) {
            const t = await repo.ticket(trx, ticketId);
            snapshots.set(ticketId, t ? await snapshotOf(trx, ticketId, t) : null);
          }
          return snapshots.get(ticketId)!;
        };
        // a ticket's own figures move when its first repeat call or its survey answer is counted
        const refigure = async (ticketId: number, patch: Partial<TicketSnapshot>) => {
          const s = await facts(ticketId);
          const t = await repo.ticket(trx, ticketId);
          if (!s || !t) return;
          const next = { ...s, ...patch };
          mergeInto(acc, delta(t, t, s, next));
          snapshots.set(ticketId, next);
          await repo.updateSnapshot(trx, ticketId, patch);
        };

        const contacts = await repo.claimContacts(trx, CATCH_UP_BATCH);
        for (const c of contacts) {
          const s = await facts(c.ticket_id);
          addTo(acc, contactDims(c, s), contactMeasures(c, dayOf), 1);
          if (c.kind === 'repeat_call' && c.ticket_id !== null && s && s.has_repeat_call === 0)
            await refigure(c.ticket_id, { has_repeat_call: 1 });
        }
        await repo.markContactsCounted(
          trx,
          contacts.map((c) => c.id),
        );

        const surveys = await repo.claimSurveys(trx, CATCH_UP_BATCH);
        for (const sv of surveys)
          if (sv.status === 'answered' && sv.answered_at !== null && sv.score !== null)
            await refigure(sv.ticket_id, { survey_answered_at: sv.answered_at, survey_score: sv.score });
        await repo.markSurveysCounted(
          trx,
          surveys.map((s) => s.id),
        );

        await repo.apply(trx, nonZero(acc));
        return contacts.length + surveys.length;
      });
      taken += n;
      if (n < CATCH_UP_BATCH) return taken;
    }
  }

  /**
   * Recounts everything from the tickets and writes it as the rollups, in one transaction. For a database filled by
   * bulk inserts (the demo year) or from before the rollups; run it while nothing else writes.
   */
  async function rebuild(): Promise<void> {
    await repo.transaction(async (trx) => {
      await repo.insertMissingSnapshots(trx);
      await repo.syncRecordedFacts(trx);
      const entries = await recount(repo, trx, deps.timeZone);
      await repo.clearRollups(trx);
      await repo.apply(trx, entries);
      await repo.deleteSetting(trx, REBUILD_MARK);
    });
  }

  return {
    observer,
    /** the SLA sweep's change to a ticket row (marks, escalations), inside the sweep's transaction */
    onClocksChanged: (
      trx: Transaction<Database>,
      before: TicketStatsRow & { id: number },
      after: TicketStatsRow & { customer_id: number },
    ) => onRowChange(trx, before.id, before, after),
    catchUp,
    rebuild,
    /** Rebuilds once if a migration left the rollups to be built (a database that had tickets before them). */
    async ensureBuilt() {
      if ((await repo.setting(REBUILD_MARK)) !== undefined) await rebuild();
    },
  };
}
export type StatsRollups = ReturnType<typeof createStatsRollups>;
