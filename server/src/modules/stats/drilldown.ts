import type { StatsTicketPage, StatsTicketsQuery } from '../../../../contracts/stats.js';
import type { TicketSummary } from '../../../../contracts/tickets.js';
import { isSet, toIso, toIsoOrNull } from '../../db/dialect.js';
import { badRequest } from '../../errors.js';
import { can, type Actor } from '../auth/index.js';
import { maskPhone } from '../customers/index.js';
import { NONE } from './contribution.js';
import type { DrillFilter, DrilldownRepository } from './drilldown-repository.js';
import { addDays, addMonths, dayStart } from './periods.js';
import type { StatsRollups } from './rollups.js';
import type { StatsSummaryService } from './summary.js';

const DEFAULT_PAGE = 50;
const SUMMARY_TEXT = 200;

type Row = Awaited<ReturnType<DrilldownRepository['page']>>[number];

// what a ticket is racing now, as the queue shows it: the reply while it runs, then the answer, then the legal one
const dueOf = (r: Row) =>
  r.answered_at
    ? null
    : r.sla_started_at && !r.replied_at
      ? toIsoOrNull(r.sla_reply_due_at)
      : toIsoOrNull(r.answer_due_at ?? r.legal_due_at);

function summaryOf(r: Row, showPhone: boolean): TicketSummary {
  return {
    id: r.id,
    number: r.number,
    status: r.status as TicketSummary['status'],
    channel: r.channel as TicketSummary['channel'],
    categoryCode: r.category_code,
    categoryName: r.category_name_zh,
    categoryNameEn: r.category_name_en,
    description: r.description.length > SUMMARY_TEXT ? `${r.description.slice(0, SUMMARY_TEXT)}…` : r.description,
    priority: r.priority as TicketSummary['priority'],
    customerPhone: showPhone ? r.customer_phone : maskPhone(r.customer_phone),
    customerLevel: r.customer_level as TicketSummary['customerLevel'],
    owner: r.owner_id !== null ? { id: r.owner_id, name: r.owner_name ?? '' } : null,
    handlingUnit:
      r.handling_unit_id !== null && r.handling_unit_code !== null
        ? { id: r.handling_unit_id, code: r.handling_unit_code, name: r.handling_unit_name ?? '', nameEn: r.handling_unit_name_en ?? '' }
        : null,
    resolution: r.resolution,
    createdAt: toIso(r.created_at),
    updatedAt: toIso(r.updated_at),
    version: r.version,
    sla: { state: r.sla_state as TicketSummary['sla']['state'], dueAt: dueOf(r), paused: r.sla_paused_at !== null },
    isRepeat: isSet(r.is_repeat),
    incidentId: r.incident_id ?? null,
  };
}

// The cursor is "<epoch ms of the figure's instant>.<id>".
function parseCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  const m = /^([0-9]{1,15})\.([0-9]{1,15})$/.exec(cursor);
  if (!m) throw badRequest('validation.invalid_format', 'This cursor does not belong to this list', { field: 'querystring.cursor' });
  return { at: new Date(Number(m[1])).toISOString(), id: Number(m[2]) };
}

export function createStatsDrilldown(deps: {
  repo: DrilldownRepository;
  summary: StatsSummaryService;
  rollups: StatsRollups;
  timeZone: string;
}) {
  const { timeZone } = deps;

  async function filterOf(q: StatsTicketsQuery): Promise<DrillFilter> {
    deps.summary.checkPeriod(q);
    if (q.group !== undefined && q.by === undefined)
      throw badRequest('validation.required', 'A group needs the dimension it belongs to', { field: 'querystring.by' });
    if (q.regulatorClass !== undefined && q.figure !== 'volume' && q.figure !== 'overLevel')
      throw badRequest('validation.invalid_value', 'Only volume and overLevel are split by regulator class', {
        field: 'querystring.regulatorClass',
      });
    let from = q.from;
    let to = q.to;
    const f: DrillFilter = { figure: q.figure, start: '', end: '', regulatorClass: q.regulatorClass };
    const isContact = q.figure === 'selfServiceQueries' || q.figure === 'progressQueries';
    const g = q.group;
    if (q.by && g !== undefined) {
      const bad = () => badRequest('validation.invalid_value', `No ${q.by} group ${g}`, { field: 'querystring.group' });
      switch (q.by) {
        case 'day':
          if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(g)) throw bad();
          from = g > from ? g : from;
          to = g < to ? g : to;
          break;
        case 'month': {
          if (!/^[0-9]{4}-[0-9]{2}$/.test(g)) throw bad();
          const first = `${g}-01`;
          const last = addDays(addMonths(first, 1), -1);
          from = first > from ? first : from;
          to = last < to ? last : to;
          break;
        }
        case 'channel':
          f.channel = g;
          break;
        case 'category':
          f.categoryCode = g;
          break;
        case 'category1':
          f.category1 = g;
          break;
        case 'unit': {
          const stored = await deps.summary.storedValue('unit', g);
          if (stored === undefined) throw bad();
          if (isContact) f.nothing = stored !== NONE;
          else f.unitId = stored === NONE ? null : Number(stored);
          break;
        }
        case 'agent':
          if (g !== NONE && !/^[1-9][0-9]{0,15}$/.test(g)) throw bad();
          if (isContact) f.nothing = g !== NONE;
          else f.ownerId = g === NONE ? null : Number(g);
          break;
        case 'branch':
          f.branch = g;
          break;
        case 'level':
          f.level = g;
          break;
      }
    }
    f.start = dayStart(from, timeZone);
    f.end = dayStart(addDays(to, 1), timeZone);
    if (to < from) f.nothing = true;
    return f;
  }

  return {
    async tickets(actor: Actor, q: StatsTicketsQuery): Promise<StatsTicketPage> {
      const filter = await filterOf(q);
      await deps.rollups.catchUp();
      const limit = q.limit ? Number(q.limit) : DEFAULT_PAGE;
      const rows = await deps.repo.page(filter, limit, parseCursor(q.cursor));
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const showPhone = can(actor, 'customer:view_phone');
      return {
        items: page.map((r) => summaryOf(r, showPhone)),
        nextCursor: rows.length > limit && last ? `${new Date(toIso(last.figure_at)).getTime()}.${last.figure_id}` : null,
      };
    },
  };
}
export type StatsDrilldown = ReturnType<typeof createStatsDrilldown>;
