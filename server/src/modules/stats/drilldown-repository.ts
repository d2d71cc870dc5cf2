import { sql, type ExpressionBuilder, type SqlBool, type Expression } from 'kysely';
import type { StatsTicketFigure } from '../../../../contracts/stats.js';
import type { Db } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';

// The tickets behind a figure: the same conditions the contribution counts by (contribution.ts), as SQL over the
// tickets, newest first by the instant the figure counts by, a keyset page at a time.

type Eb = ExpressionBuilder<
  Database & { t: Database['tickets']; st: Database['stats_tickets']; cc: Database['customer_contacts'] },
  't' | 'st' | 'cc'
>;

export interface DrillFilter {
  figure: StatsTicketFigure;
  /** UTC instants: [start, end) */
  start: string;
  end: string;
  channel?: string;
  categoryCode?: string;
  category1?: string;
  /** a unit id, or null for tickets with no unit */
  unitId?: number | null;
  branch?: string;
  /** an owner id, or null for tickets without one */
  ownerId?: number | null;
  level?: string;
  regulatorClass?: string;
  /** a group no contact belongs to (unit, agent): nothing to list */
  nothing?: boolean;
}

const CONTACT_FIGURES = new Set<StatsTicketFigure>(['selfServiceQueries', 'progressQueries']);

/** The instant column a figure counts by. */
export function figureColumn(
  figure: StatsTicketFigure,
): 't.created_at' | 't.sla_started_at' | 't.closed_at' | 't.answered_at' | 'st.survey_answered_at' | 'cc.at' {
  switch (figure) {
    case 'dispatched':
    case 'timely':
    case 'overdue':
    case 'problem':
      return 't.sla_started_at';
    case 'closed':
    case 'resolved':
      return 't.closed_at';
    case 'answered':
      return 't.answered_at';
    case 'surveys':
    case 'satisfied':
      return 'st.survey_answered_at';
    case 'selfServiceQueries':
    case 'progressQueries':
      return 'cc.at';
    default:
      return 't.created_at';
  }
}

// an order replied late or unreplied past its limit: the text of the partial index tickets_breached (migration 0008)
const BREACHED = "(sla_outcome in ('overdue', 'problem') or (sla_outcome is null and reply_state in ('overdue', 'problem')))";

export function createDrilldownRepository(db: Db) {
  const k = db.kysely;
  const contactBase = () => k.selectFrom('customer_contacts as cc').innerJoin('tickets as t', 't.id', 'cc.ticket_id');

  const overdue = sql<SqlBool>`(t.sla_outcome = 'overdue' or (t.sla_outcome is null and t.reply_state = 'overdue'))`;
  const problem = sql<SqlBool>`(t.sla_outcome = 'problem' or (t.sla_outcome is null and t.reply_state = 'problem'))`;
  // literal terms, not bound values: a partial index serves a query only when its condition appears as written
  const breached = sql<SqlBool>`${sql.raw(BREACHED)}`;

  function figureCondition(eb: Eb, figure: StatsTicketFigure): Expression<SqlBool> | null {
    switch (figure) {
      case 'intercepted':
        return sql<SqlBool>`t.is_intercepted = 1`;
      case 'repeatComplaints':
        return sql<SqlBool>`is_repeat = 1`;
      case 'overLevel':
        return sql<SqlBool>`is_over_level = 1`;
      case 'repeatCalls':
        return sql<SqlBool>`st.has_repeat_call = 1`;
      case 'overdue':
        return eb.and([breached, overdue]);
      case 'problem':
        return eb.and([breached, problem]);
      case 'timely':
        return eb.not(eb.or([overdue, problem]));
      case 'closed':
        return sql<SqlBool>`t.status = 'closed'`;
      case 'resolved':
        return sql<SqlBool>`t.status = 'closed' and t.is_solved = 1`;
      case 'surveys':
        return sql<SqlBool>`st.survey_score is not null`;
      case 'satisfied':
        return sql<SqlBool>`st.survey_score >= 4`;
      case 'selfServiceQueries':
        return sql<SqlBool>`cc.kind = 'self_service_query'`;
      case 'progressQueries':
        return sql<SqlBool>`cc.kind in ('self_service_query', 'repeat_call')`;
      default:
        return null;
    }
  }

  return {
    async page(f: DrillFilter, limit: number, cursor?: { at: string; id: number }) {
      if (f.nothing) return [];
      const isContact = CONTACT_FIGURES.has(f.figure);
      const col = figureColumn(f.figure);
      const idCol = isContact ? 'cc.id' : 't.id';
      // a contact figure lists a ticket per query; the others a ticket once
      // typed as the contact query alike: the cc columns are referred to only for contact figures
      const base = isContact ? contactBase() : (k.selectFrom('tickets as t') as unknown as ReturnType<typeof contactBase>);
      let q = base
        .innerJoin('customers as cu', 'cu.id', 't.customer_id')
        .innerJoin('categories as cat', 'cat.code', 't.category_code')
        .leftJoin('stats_tickets as st', 'st.ticket_id', 't.id')
        .leftJoin('users as ow', 'ow.id', 't.owner_id')
        .leftJoin('org_units as hu', 'hu.id', 't.handling_unit_id')
        .selectAll('t')
        .select([
          sql<string | Date>`${sql.ref(col)}`.as('figure_at'),
          sql<number>`${sql.ref(idCol)}`.as('figure_id'),
          'cu.phone as customer_phone',
          'cu.level as customer_level',
          'cat.name_zh as category_name_zh',
          'cat.name_en as category_name_en',
          'ow.display_name as owner_name',
          'hu.code as handling_unit_code',
          'hu.name as handling_unit_name',
          'hu.name_en as handling_unit_name_en',
        ])
        .where(sql.ref(col), '>=', f.start)
        .where(sql.ref(col), '<', f.end)
        .where((eb) => {
          const all: Expression<SqlBool>[] = [];
          const c = figureCondition(eb as unknown as Eb, f.figure);
          if (c) all.push(c);
          if (f.channel !== undefined) all.push(eb(isContact ? 'cc.channel' : 't.channel', '=', f.channel));
          if (f.categoryCode !== undefined) all.push(eb('t.category_code', '=', f.categoryCode));
          if (f.category1 !== undefined) all.push(eb('t.category_code', 'like', `${f.category1}%`));
          if (f.unitId !== undefined)
            all.push(
              f.unitId === null
                ? eb.and([eb('t.handling_unit_id', 'is', null), eb('t.owner_unit_id', 'is', null)])
                : eb(eb.fn.coalesce('t.handling_unit_id', 't.owner_unit_id'), '=', f.unitId),
            );
          if (f.ownerId !== undefined) all.push(f.ownerId === null ? eb('t.owner_id', 'is', null) : eb('t.owner_id', '=', f.ownerId));
          if (f.branch !== undefined) all.push(eb('st.branch', '=', f.branch));
          if (f.level !== undefined) all.push(eb('st.customer_level', '=', f.level));
          if (f.regulatorClass !== undefined) all.push(eb('st.regulator_class', '=', f.regulatorClass));
          if (cursor)
            all.push(
              eb.or([eb(sql.ref(col), '<', cursor.at), eb.and([eb(sql.ref(col), '=', cursor.at), eb(sql.ref(idCol), '<', cursor.id)])]),
            );
          return eb.and(all);
        })
        .orderBy(sql.ref(col), 'desc')
        .orderBy(sql.ref(idCol), 'desc')
        .limit(limit + 1);
      if (!isContact) q = q.where(sql.ref(col), 'is not', null);
      return q.execute();
    },
  };
}
export type DrilldownRepository = ReturnType<typeof createDrilldownRepository>;
