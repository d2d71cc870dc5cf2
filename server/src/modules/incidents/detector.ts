import type { Transaction } from 'kysely';
import type { AreaLevel } from '../../../../contracts/incidents.js';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/schema.js';
import { toIsoOrNull } from '../../db/dialect.js';
import { conflict } from '../../errors.js';
import type { TicketChange, TicketFacts, TicketObserver } from '../tickets/index.js';
import { areaOf } from './area.js';
import type { IncidentRepository, RuleRow } from './repository.js';

// The early warning (投诉预警, DOMAIN.md §7), inside every intake's transaction: count the complaint into the sliding
// window of each rule it matches; the complaint that crosses a threshold opens the incident with every complaint of
// the window, and every later match joins it while it is live. Cost per complaint: one window row, one index range
// of at most `threshold` hits — the same at ten thousand tickets as at five million.

export interface IncidentSignal {
  kind: 'opened' | 'joined';
  incidentId: number;
  /** opened: how many it holds; joined: counted after commit */
  count: number;
  status: string;
  unitId: number | null;
  categoryCode: string;
}

// rules change rarely and are read on every complaint: kept this long per process, cleared by the process that edits
const RULES_TTL_MS = 10_000;
// a signal not collected by then belongs to a transaction that rolled back
const SIGNAL_TTL_MS = 60_000;

export function createIncidentDetector(deps: { repo: IncidentRepository; clock: Clock }) {
  const { repo, clock } = deps;
  let rules: { at: number; value: RuleRow[] } | null = null;
  const signals = new Map<number, IncidentSignal & { at: number }>();

  async function activeRules(trx: Transaction<Database>) {
    const now = clock.now().getTime();
    if (!rules || now - rules.at >= RULES_TTL_MS) rules = { at: now, value: await repo.activeRules(trx) };
    return rules.value;
  }

  function signal(ticketId: number, s: IncidentSignal) {
    const now = clock.now().getTime();
    if (signals.size > 1000) for (const [id, old] of signals) if (now - old.at > SIGNAL_TTL_MS) signals.delete(id);
    signals.set(ticketId, { ...s, at: now });
  }

  async function detect(trx: Transaction<Database>, t: TicketFacts, at: string) {
    const location = {
      city: t.location_city,
      district: t.location_district,
      compound: t.location_compound,
      address: t.location_address,
      cellId: t.location_cell_id,
    };
    for (const rule of await activeRules(trx)) {
      if (!t.category_code.startsWith(rule.category_code)) continue;
      const area = areaOf(location, rule.area_level as AreaLevel);
      if (!area) continue;
      // a later complaint about the same area and category joins the live incident (it is being handled), without
      // taking the window's lock: a storm's complaints then commit side by side, not one after another
      const seen = await repo.peekWindow(trx, rule.id, area.key);
      const joined = seen?.incident_id ? await repo.joinLive(trx, seen.incident_id, t.id) : null;
      if (joined) {
        signal(t.id, { kind: 'joined', incidentId: seen!.incident_id!, count: 0, ...joined, categoryCode: rule.category_code });
        return;
      }
      const window = await repo.bumpWindow(trx, rule.id, area.key, at);
      const late = window.incident_id !== null ? await repo.joinLive(trx, window.incident_id, t.id) : null;
      if (late) {
        signal(t.id, { kind: 'joined', incidentId: window.incident_id!, count: 0, ...late, categoryCode: rule.category_code });
        return;
      }
      await repo.insertHit(trx, rule.id, area.key, t.id, at);
      const windowStart = new Date(new Date(at).getTime() - rule.window_minutes * 60_000).toISOString();
      const countedFrom = toIsoOrNull(window.counted_from);
      const since = countedFrom && countedFrom > windowStart ? countedFrom : windowStart;
      const inWindow = await repo.windowTickets(trx, rule.id, area.key, since, rule.threshold);
      if (inWindow.length < rule.threshold) continue;
      // the window row is locked by this transaction, so this insert cannot race another complaint of the area;
      // the unique live key still guards against a window row lost or edited by hand
      const incidentId =
        (await repo.insertIncident(trx, {
          ruleId: rule.id,
          areaKey: area.key,
          areaLabel: area.label,
          areaLevel: rule.area_level,
          categoryCode: rule.category_code,
          at,
        })) ?? (await repo.liveIncident(trx, rule.id, area.key))!.id;
      await repo.setWindowIncident(trx, rule.id, area.key, incidentId, null);
      const linked = await repo.link(trx, incidentId, inWindow, at);
      signal(t.id, { kind: 'opened', incidentId, ...linked, categoryCode: rule.category_code });
      return;
    }
  }

  const observer: TicketObserver = {
    async onTicketChange(trx: Transaction<Database>, change: TicketChange) {
      if (change.action === 'accept') return detect(trx, change.after, change.at);
      // the children of a confirmed incident wait on it instead of travelling separately; an unconfirmed warning may be
      // a false alarm, so until the desk confirms it the complaints travel as usual
      const incidentId = change.before?.incident_id;
      if (incidentId && (change.action === 'dispatch' || change.action === 'transfer')) {
        const i = await repo.incidentStatus(trx, incidentId);
        if (i?.status === 'confirmed')
          throw conflict('incident.child_waits', `This complaint is part of incident ${incidentId}, handled once for all`, {
            incidentId,
          });
      }
    },
  };

  return {
    observer,
    /** what the committed intake of this ticket did to an incident, once; undefined when nothing */
    take(ticketId: number): IncidentSignal | undefined {
      const s = signals.get(ticketId);
      signals.delete(ticketId);
      return s;
    },
    forgetRules: () => {
      rules = null;
    },
  };
}
export type IncidentDetector = ReturnType<typeof createIncidentDetector>;
