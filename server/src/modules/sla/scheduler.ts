import type { Transaction, Updateable } from 'kysely';
import type { Priority } from '../../../../contracts/tickets.js';
import { Priorities } from '../../../../contracts/tickets.js';
import type { Clock } from '../../clock.js';
import type { Database, TicketTable } from '../../db/schema.js';
import { clocksFromRow, columnsFromClocks } from './clock-columns.js';
import type { DueTicket, EscalationRuleRow, SlaRepository } from './repository.js';
import { fireDue, type ClockTransition } from './ticket-clocks.js';

/** What a fired transition tells the people concerned, after the transaction commits. */
export interface ClockAlert {
  ticketId: number;
  number: string;
  kind: string; // sla.warning | sla.overdue | sla.problem | sla.answer_warning | … | sla.legal_overdue
  state: string;
  unitId: number | null;
  userIds: number[];
  dueAt: string | null;
}

const BATCH = 200;

export const alertKind = (t: ClockTransition) => (t.clock === 'reply' ? `sla.${t.to}` : `sla.${t.clock}_${t.to}`);

const raise = (p: string): Priority => Priorities[Math.min(Priorities.indexOf(p as Priority) + 1, Priorities.length - 1)]!;

const appliesTo = (rule: EscalationRuleRow, categoryCode: string, state: string) =>
  rule.isActive && rule.onState === state && (rule.categoryCode === null || categoryCode.startsWith(rule.categoryCode));

// Fires each warning and breach once. Work is claimed by `sla_next_at <= now`, an indexed range, so a sweep costs
// what falls due, not what is open; on PostgreSQL rows are claimed FOR UPDATE SKIP LOCKED so two processes never
// fire the same transition. A restart catches up: anything past due is simply due.
export function createSlaScheduler(deps: {
  repo: SlaRepository;
  clock: Clock;
  onAlerts: (alerts: ClockAlert[]) => void;
  /** told of each ticket row the sweep changes, inside the sweep's transaction (the figures' rollups) */
  onRowChanged?: (trx: Transaction<Database>, before: DueTicket, after: DueTicket) => Promise<void>;
}) {
  const { repo, clock } = deps;

  async function sweepBatch(now: Date, rules: EscalationRuleRow[]): Promise<{ claimed: number; alerts: ClockAlert[] }> {
    const at = now.toISOString();
    return repo.transaction(async (trx) => {
      const rows = await repo.claimDue(trx, at, BATCH);
      // a burst of breaches in one unit tells the same people: look them up once per batch
      const people = new Map<string, Promise<number[]>>();
      const tell = (unitId: number | null, person: number | null) => {
        const key = `${unitId}:${person}`;
        if (!people.has(key)) people.set(key, repo.peopleToTell(trx, unitId, person));
        return people.get(key)!;
      };
      const alerts: ClockAlert[] = [];
      for (const row of rows) {
        const { clocks, fired } = fireDue(clocksFromRow(row), now);
        const columns: Updateable<TicketTable> = columnsFromClocks(clocks);
        let bump = false;
        for (const t of fired) {
          const kind = alertKind(t);
          const dueAt =
            t.clock === 'reply'
              ? columns.sla_reply_due_at
              : t.clock === 'answer'
                ? columns.answer_due_at
                : t.clock === 'accept'
                  ? columns.regulator_accept_due_at
                  : columns.legal_due_at;
          await repo.insertEvent(trx, {
            ticketId: row.id,
            action: kind,
            status: row.status,
            data: { clock: t.clock, from: t.from, to: t.to, dueAt },
            at,
          });
          // the department hears about its reply clock; the owner about the answer, legal and accept ones
          const unitId = t.clock === 'reply' ? row.handling_unit_id : row.owner_unit_id;
          const userIds = await tell(unitId, t.clock === 'reply' ? row.handling_user_id : row.owner_id);
          await repo.insertNotifications(trx, userIds, { ticketId: row.id, kind, data: { number: row.number, state: t.to, dueAt }, at });
          alerts.push({
            ticketId: row.id,
            number: row.number,
            kind,
            state: t.to,
            unitId,
            userIds,
            dueAt: (dueAt as string | null) ?? null,
          });
          if (t.clock === 'reply') {
            for (const rule of rules.filter((r) => appliesTo(r, row.category_code, t.to))) {
              const change: Record<string, unknown> = { rule: rule.name };
              if (rule.raisePriority) {
                columns.priority = raise((columns.priority as string | undefined) ?? row.priority);
                change.priority = columns.priority;
              }
              if (
                rule.reassignUnitId !== null &&
                rule.reassignUnitId !== row.handling_unit_id &&
                ['dispatched', 'processing'].includes(row.status)
              ) {
                columns.handling_unit_id = rule.reassignUnitId;
                columns.handling_user_id = null;
                columns.status = 'dispatched';
                change.unitId = rule.reassignUnitId;
              }
              await repo.insertEvent(trx, {
                ticketId: row.id,
                action: 'escalate',
                status: row.status,
                data: change,
                unitId: rule.reassignUnitId,
                at,
              });
              bump = true;
            }
          }
        }
        await repo.updateClocks(trx, row.id, columns, bump);
        if (deps.onRowChanged) await deps.onRowChanged(trx, row, { ...row, ...columns } as DueTicket);
      }
      return { claimed: rows.length, alerts };
    });
  }

  return {
    /** One sweep up to `now`; answers how many transitions fired. */
    async sweep(now: Date = clock.now()): Promise<number> {
      const rules = await repo.listRules();
      let fired = 0;
      for (;;) {
        const { claimed, alerts } = await sweepBatch(now, rules);
        fired += alerts.length;
        if (alerts.length) deps.onAlerts(alerts);
        if (claimed < BATCH) return fired;
      }
    },
  };
}
export type SlaScheduler = ReturnType<typeof createSlaScheduler>;
