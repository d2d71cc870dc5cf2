import type {
  AreaLevel,
  IncidentChild,
  IncidentMatchQuery,
  IncidentSettings,
  IncidentStatus,
  IncidentSummary,
  IncidentView,
  UpdateIncidentSettings,
} from '../../../../contracts/incidents.js';
import type { UnitRef } from '../../../../contracts/org.js';
import type { TicketStatus } from '../../../../contracts/tickets.js';
import type { Clock } from '../../clock.js';
import { isSet, toIso, toIsoOrNull } from '../../db/dialect.js';
import { conflict, notFound, unprocessable } from '../../errors.js';
import { can, type Actor } from '../auth/index.js';
import { maskPhone } from '../customers/index.js';
import type { LiveEvent } from '../live/index.js';
import type { SmsOutbox } from '../sms/index.js';
import type { TicketService } from '../tickets/index.js';
import { areaOf } from './area.js';
import type { IncidentDetector } from './detector.js';
import type { ChildRow, IncidentRepository, IncidentRow } from './repository.js';

export interface IncidentDeps {
  repo: IncidentRepository;
  detector: IncidentDetector;
  clock: Clock;
  smsOutbox: SmsOutbox;
  publish: (events: LiveEvent[]) => void;
  proposeUnit: (categoryCode: string) => Promise<UnitRef | null>;
  findUnit: (code: string) => Promise<(UnitRef & { isActive: boolean }) | undefined>;
  /** the ticket flow, to close the children by its rules (set once the ticket service exists) */
  tickets: () => TicketService;
}

const LIST_LIMIT = 200;
const isLive = (s: string) => s === 'open' || s === 'confirmed';

export function summaryOf(r: IncidentRow): IncidentSummary {
  return {
    id: r.id,
    status: r.status as IncidentStatus,
    area: { key: r.area_key, label: r.area_label, level: r.area_level as IncidentSummary['area']['level'] },
    category: { code: r.category_code, nameZh: r.category_name_zh, nameEn: r.category_name_en },
    rule: { id: r.rule_id, name: r.rule_name, threshold: r.rule_threshold, windowMinutes: r.rule_window_minutes },
    count: r.child_count,
    unit:
      r.unit_id !== null && r.unit_code
        ? { id: r.unit_id, code: r.unit_code, name: r.unit_name ?? '', nameEn: r.unit_name_en ?? '' }
        : null,
    openedAt: toIso(r.opened_at),
    confirmedAt: toIsoOrNull(r.confirmed_at),
    dispatchedAt: toIsoOrNull(r.dispatched_at),
    resolvedAt: toIsoOrNull(r.resolved_at),
    dismissedAt: toIsoOrNull(r.dismissed_at),
    result: r.result,
    reason: r.reason,
    version: r.version,
  };
}

const childOf = (c: ChildRow, showPhone: boolean): IncidentChild => ({
  id: c.id,
  number: c.number,
  status: c.status as TicketStatus,
  categoryCode: c.category_code,
  customerPhone: showPhone ? c.phone : maskPhone(c.phone),
  isRepeat: isSet(c.is_repeat),
  createdAt: toIso(c.created_at),
});

export const fillTemplate = (template: string, values: Record<string, string>) =>
  template.replace(/\{(area|category|result|number)\}/g, (_, k: string) => values[k] ?? '');

// The desk's side of an incident: confirm or dismiss the warning, dispatch it once, resolve it for everyone.
export function createIncidentService(deps: IncidentDeps) {
  const { repo, clock } = deps;

  async function row(id: string | number): Promise<IncidentRow> {
    const r = await repo.findIncident(Number(id));
    if (!r) throw notFound('incident.not_found', `No incident ${id}`);
    return r;
  }

  async function view(actor: Actor, r: IncidentRow): Promise<IncidentView> {
    const show = can(actor, 'customer:view_phone');
    const summary = summaryOf(r);
    if (!summary.unit) summary.unit = await deps.proposeUnit(r.category_code);
    const children = (await repo.children(r.id)).map((c) => childOf(c, show));
    // the stored count may trail joins by a recount; the children are exact
    return { ...summary, count: children.length, children };
  }

  async function announce(r: IncidentRow, type: LiveEvent['type']) {
    const first = await repo.firstChild(r.id);
    if (!first) return;
    const unitId = r.unit_id ?? (await deps.proposeUnit(r.category_code))?.id;
    deps.publish([
      {
        type,
        ticketId: first.id,
        number: first.number,
        incidentId: r.id,
        incidentStatus: r.status,
        count: r.child_count,
        unitIds: unitId !== undefined ? [unitId] : [],
        userIds: [],
        at: clock.now().toISOString(),
      },
    ]);
  }

  type Trx = Parameters<Parameters<IncidentRepository['transaction']>[0]>[0];
  const lost = new Error('incident version lost');

  /**
   * One guarded move: the row still at the version read, or someone moved it first. `first` runs before the incident
   * row is touched: the window row is locked before the incident row, in the order a joining complaint takes them.
   */
  async function move(
    r: IncidentRow,
    patch: Record<string, unknown>,
    steps: { first?: (trx: Trx) => Promise<void>; then?: (trx: Trx) => Promise<void> } = {},
  ) {
    try {
      await repo.transaction(async (trx) => {
        if (steps.first) await steps.first(trx);
        if (!(await repo.updateIncident(trx, r.id, r.version, { ...patch, updated_at: clock.now().toISOString() }))) throw lost;
        if (steps.then) await steps.then(trx);
      });
    } catch (err) {
      if (err === lost) throw conflict('conflict.version', 'Someone changed this incident first; reload it and try again');
      throw err;
    }
    const after = (await repo.findIncident(r.id))!;
    await announce(after, 'incident.changed');
    return after;
  }

  async function publishCount(
    incidentId: number,
    c: { count: number; status: string; unitId: number | null },
    trigger: { ticketId: number; number: string; categoryCode: string },
    type: LiveEvent['type'],
  ) {
    const unitId = c.unitId ?? (await deps.proposeUnit(trigger.categoryCode))?.id;
    deps.publish([
      {
        type,
        ticketId: trigger.ticketId,
        number: trigger.number,
        incidentId,
        incidentStatus: c.status,
        count: c.count,
        unitIds: unitId !== undefined ? [unitId] : [],
        userIds: [],
        at: clock.now().toISOString(),
      },
    ]);
  }

  // Joins do not touch the incident row; its count is recounted after them, one recount at a time per incident, the
  // next covering every join that committed meanwhile, so a storm costs a recount per batch, not a lock per complaint.
  const recounts = new Map<number, { again: boolean; trigger: { ticketId: number; number: string; categoryCode: string } }>();
  async function recount(incidentId: number, trigger: { ticketId: number; number: string; categoryCode: string }) {
    const running = recounts.get(incidentId);
    if (running) {
      running.again = true;
      running.trigger = trigger;
      return;
    }
    const state = { again: true, trigger };
    recounts.set(incidentId, state);
    try {
      while (state.again) {
        state.again = false;
        const last = state.trigger;
        const c = await repo.recount(incidentId);
        if (c) await publishCount(incidentId, { count: c.child_count, status: c.status, unitId: c.unit_id }, last, 'incident.changed');
      }
    } finally {
      recounts.delete(incidentId);
    }
  }

  const refuse = (r: IncidentRow, action: string) =>
    conflict('incident.invalid_transition', `The incident is ${r.status}: "${action}" is not possible now`, { status: r.status, action });

  // the window counts afresh from now: complaints of a closed incident do not raise the next one
  const closeWindow = (r: IncidentRow, at: string) => async (trx: Trx) => repo.setWindowIncident(trx, r.rule_id, r.area_key, null, at);

  async function closeChildren(actor: Actor, r: IncidentRow, result: string) {
    const tickets = deps.tickets();
    const text = `群体投诉 #${r.id} 已处理 / incident #${r.id} resolved: ${result}`.slice(0, 4000);
    let closed = 0;
    let noted = 0;
    for (const c of await repo.children(r.id)) {
      const id = String(c.id);
      try {
        switch (c.status) {
          case 'accepted':
          case 'returned':
            await tickets.act(actor, id, 'resolve', { resolution: text });
            closed++;
            break;
          case 'replied':
            await tickets.act(actor, id, 'answer', { answer: text });
            await tickets.act(actor, id, 'close', {});
            closed++;
            break;
          case 'answered':
            await tickets.act(actor, id, 'close', { note: text });
            closed++;
            break;
          case 'closed':
            break;
          default:
            // with a department or suspended: the incident's result goes into its timeline, the unit closes it
            await tickets.act(actor, id, 'note', { note: text });
            noted++;
        }
      } catch {
        noted++;
      }
    }
    return { closed, noted };
  }

  return {
    /** after an intake commits: tell the desk and the responsible unit what it did to an incident */
    async afterIntake(ticketId: number, number: string) {
      const s = deps.detector.take(ticketId);
      if (!s) return;
      if (s.kind === 'joined') return recount(s.incidentId, { ticketId, number, categoryCode: s.categoryCode });
      await publishCount(s.incidentId, s, { ticketId, number, categoryCode: s.categoryCode }, 'incident.opened');
    },

    async list(status: IncidentStatus | undefined): Promise<{ items: IncidentSummary[] }> {
      return { items: (await repo.listIncidents(status, LIST_LIMIT)).map(summaryOf) };
    },

    /** live incidents a complaint about this place and category would join: the agent can say it is being handled */
    async match(q: IncidentMatchQuery): Promise<{ items: IncidentSummary[] }> {
      const items: IncidentSummary[] = [];
      for (const rule of await repo.activeRules(repo.connection)) {
        if (!q.categoryCode.startsWith(rule.category_code)) continue;
        const area = areaOf(q, rule.area_level as AreaLevel);
        const id = area && (await repo.peekWindow(repo.connection, rule.id, area.key))?.incident_id;
        const r = id ? await repo.findIncident(id) : undefined;
        if (r && isLive(r.status) && !items.some((i) => i.id === r.id)) items.push(summaryOf(r));
      }
      return { items };
    },

    async get(actor: Actor, id: string): Promise<IncidentView> {
      return view(actor, await row(id));
    },

    async confirm(actor: Actor, id: string): Promise<IncidentView> {
      const r = await row(id);
      if (r.status !== 'open') throw refuse(r, 'confirm');
      return view(actor, await move(r, { status: 'confirmed', confirmed_at: clock.now().toISOString(), confirmed_by: actor.id }));
    },

    async dismiss(actor: Actor, id: string, reason: string): Promise<IncidentView> {
      const r = await row(id);
      if (!isLive(r.status) || r.dispatched_at !== null) throw refuse(r, 'dismiss');
      const at = clock.now().toISOString();
      return view(
        actor,
        await move(
          r,
          { status: 'dismissed', dismissed_at: at, dismissed_by: actor.id, reason, live_key: null },
          { first: closeWindow(r, at) },
        ),
      );
    },

    async dispatch(actor: Actor, id: string, unitCode: string | undefined): Promise<IncidentView> {
      const r = await row(id);
      if (r.status !== 'confirmed') throw refuse(r, 'dispatch');
      if (r.dispatched_at !== null) throw conflict('incident.already_dispatched', `Incident ${r.id} went to its unit already`);
      const unit = unitCode ? await deps.findUnit(unitCode) : await deps.proposeUnit(r.category_code);
      if (!unit)
        throw unprocessable('routing.no_unit', `No unit is routed for category ${r.category_code}; choose one`, { field: 'body.unitCode' });
      if ('isActive' in unit && !unit.isActive)
        throw unprocessable('unit.inactive', `Unit ${unit.code} is inactive`, { field: 'body.unitCode' });
      const at = clock.now().toISOString();
      return view(actor, await move(r, { unit_id: unit.id, dispatched_at: at, dispatched_by: actor.id }));
    },

    /**
     * Solved: every linked customer is told once by SMS (stored in the same transaction as the resolution, so none is
     * lost or sent twice), then each child closes through the ticket flow with the result in its timeline. Posting
     * resolve again finishes the closing if it was interrupted.
     */
    async resolve(actor: Actor, id: string, result: string): Promise<IncidentView> {
      let r = await row(id);
      if (r.status === 'confirmed') {
        const at = clock.now().toISOString();
        const settings = await repo.settings();
        const before = r;
        // closing the window first waits for a complaint joining right now; the children read after it include that one
        r = await move(
          r,
          { status: 'resolved', resolved_at: at, resolved_by: actor.id, result, live_key: null },
          {
            first: closeWindow(before, at),
            then: async (trx) => {
              const told = new Set<string>();
              for (const c of await repo.children(before.id, trx)) {
                if (told.has(c.phone)) continue;
                told.add(c.phone);
                const zh = settings.smsLanguage === 'zh-CN';
                const text = fillTemplate(zh ? settings.smsTemplateZh : settings.smsTemplateEn, {
                  area: before.area_label,
                  category: zh ? before.category_name_zh : before.category_name_en,
                  result,
                  number: c.number,
                });
                await deps.smsOutbox.enqueue(trx, {
                  phone: c.phone,
                  text,
                  purpose: 'incident',
                  ticketId: c.id,
                  dedupeKey: `incident:${before.id}:ticket:${c.id}`,
                });
              }
            },
          },
        );
      } else if (r.status !== 'resolved') throw refuse(r, 'resolve');
      await closeChildren(actor, r, r.result ?? result);
      return view(actor, (await repo.findIncident(r.id))!);
    },

    async settings(): Promise<IncidentSettings> {
      return repo.settings();
    },
    async saveSettings(patch: UpdateIncidentSettings): Promise<IncidentSettings> {
      const next = { ...(await repo.settings()), ...patch };
      await repo.saveSettings(next, clock.now().toISOString());
      return next;
    },
  };
}
export type IncidentService = ReturnType<typeof createIncidentService>;
