import type { Transaction } from 'kysely';
import type { Unit, User } from '../../../../contracts/org.js';
import type { Role } from '../../../../contracts/roles.js';
import type { Db } from '../../db/dialect.js';
import { count } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';

type Conn = Db['kysely'] | Transaction<Database>;

const unitColumns = [
  'u.id',
  'u.code',
  'u.name',
  'u.name_en',
  'u.kind',
  'u.is_active',
  'u.version',
  'p.code as parent_code',
  'cal.code as calendar_code',
  'u.assignment_mode',
  'u.max_open_per_person',
  'u.take_timeout_minutes',
] as const;

export function createOrgRepository(db: Db) {
  const k = db.kysely;

  const unitQuery = (c: Conn) =>
    c
      .selectFrom('org_units as u')
      .leftJoin('org_units as p', 'p.id', 'u.parent_id')
      .leftJoin('calendars as cal', 'cal.id', 'u.calendar_id')
      .select(unitColumns);
  const toUnit = (r: {
    id: number;
    code: string;
    name: string;
    name_en: string;
    kind: string;
    is_active: number;
    version: number;
    parent_code: string | null;
    calendar_code: string | null;
    assignment_mode: string;
    max_open_per_person: number | null;
    take_timeout_minutes: number;
  }): Unit => ({
    id: r.id,
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    kind: r.kind as Unit['kind'],
    parentCode: r.parent_code,
    calendarCode: r.calendar_code,
    assignmentMode: r.assignment_mode as Unit['assignmentMode'],
    maxOpenPerPerson: r.max_open_per_person,
    takeTimeoutMinutes: r.take_timeout_minutes,
    isActive: r.is_active === 1,
    version: r.version,
  });

  const userQuery = (c: Conn) =>
    c
      .selectFrom('users as u')
      .innerJoin('org_units as o', 'o.id', 'u.unit_id')
      .select([
        'u.id',
        'u.username',
        'u.display_name',
        'u.role',
        'u.is_supervisor',
        'u.presence',
        'u.is_active',
        'u.version',
        'o.id as unit_id',
        'o.code as unit_code',
        'o.name as unit_name',
        'o.name_en as unit_name_en',
      ]);
  const toUser = (r: {
    id: number;
    username: string;
    display_name: string;
    role: string;
    is_supervisor: number;
    presence: string;
    is_active: number;
    version: number;
    unit_id: number;
    unit_code: string;
    unit_name: string;
    unit_name_en: string;
  }): User => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role as Role,
    isSupervisor: r.is_supervisor === 1,
    presence: r.presence as User['presence'],
    skills: [],
    isActive: r.is_active === 1,
    version: r.version,
    unit: { id: r.unit_id, code: r.unit_code, name: r.unit_name, nameEn: r.unit_name_en },
  });

  async function withSkills(users: User[]): Promise<User[]> {
    if (users.length === 0) return users;
    const rows = await k
      .selectFrom('user_skills')
      .select(['user_id', 'category_code'])
      .where(
        'user_id',
        'in',
        users.map((u) => u.id),
      )
      .orderBy('category_code')
      .execute();
    return users.map((u) => ({ ...u, skills: rows.filter((r) => r.user_id === u.id).map((r) => r.category_code) }));
  }

  return {
    connection: k as Conn,
    transaction: <T>(fn: (trx: Transaction<Database>) => Promise<T>) => db.transaction(fn),

    async listUnits(): Promise<Unit[]> {
      return (await unitQuery(k).orderBy('u.id').execute()).map(toUnit);
    },
    async findUnitByCode(code: string, c: Conn = k): Promise<Unit | undefined> {
      const r = await unitQuery(c).where('u.code', '=', code).executeTakeFirst();
      return r && toUnit(r);
    },
    async findUnitById(id: number, c: Conn = k): Promise<Unit | undefined> {
      const r = await unitQuery(c).where('u.id', '=', id).executeTakeFirst();
      return r && toUnit(r);
    },
    async findCalendarId(code: string): Promise<number | undefined> {
      return (await k.selectFrom('calendars').select('id').where('code', '=', code).executeTakeFirst())?.id;
    },
    async insertUnit(
      c: Conn,
      row: { code: string; name: string; nameEn: string; kind: string; parentId: number | null; calendarId?: number | null; now: string },
    ) {
      const r = await c
        .insertInto('org_units')
        .values({
          code: row.code,
          name: row.name,
          name_en: row.nameEn,
          kind: row.kind,
          parent_id: row.parentId,
          calendar_id: row.calendarId ?? null,
          is_active: 1,
          version: 1,
          created_at: row.now,
          updated_at: row.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async updateUnit(
      c: Conn,
      id: number,
      version: number,
      patch: Partial<{
        name: string;
        name_en: string;
        kind: string;
        parent_id: number | null;
        calendar_id: number | null;
        assignment_mode: string;
        max_open_per_person: number | null;
        take_timeout_minutes: number;
        is_active: number;
      }>,
      now: string,
    ): Promise<boolean> {
      const r = await c
        .updateTable('org_units')
        .set({ ...patch, updated_at: now, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async unitUsage(c: Conn, id: number) {
      const [children, users, tickets, routes] = await Promise.all([
        c
          .selectFrom('org_units')
          .select((e) => e.fn.countAll().as('n'))
          .where('parent_id', '=', id)
          .executeTakeFirstOrThrow(),
        c
          .selectFrom('users')
          .select((e) => e.fn.countAll().as('n'))
          .where('unit_id', '=', id)
          .executeTakeFirstOrThrow(),
        c
          .selectFrom('ticket_events')
          .select((e) => e.fn.countAll().as('n'))
          .where('unit_id', '=', id)
          .executeTakeFirstOrThrow(),
        c
          .selectFrom('routing_rules')
          .select((e) => e.fn.countAll().as('n'))
          .where('unit_id', '=', id)
          .executeTakeFirstOrThrow(),
      ]);
      return { children: count(children.n), users: count(users.n), tickets: count(tickets.n), routes: count(routes.n) };
    },
    async deleteUnit(c: Conn, id: number) {
      await c.deleteFrom('org_units').where('id', '=', id).execute();
    },

    async listUsers(filter: { role?: string; unitId?: number }): Promise<User[]> {
      let q = userQuery(k).orderBy('u.id');
      if (filter.role) q = q.where('u.role', '=', filter.role);
      if (filter.unitId) q = q.where('u.unit_id', '=', filter.unitId);
      return withSkills((await q.execute()).map(toUser));
    },
    async findUserById(id: number, c: Conn = k): Promise<User | undefined> {
      const r = await userQuery(c).where('u.id', '=', id).executeTakeFirst();
      return r && (await withSkills([toUser(r)]))[0];
    },
    async existingCategories(codes: string[]): Promise<Set<string>> {
      if (codes.length === 0) return new Set();
      return new Set((await k.selectFrom('categories').select('code').where('code', 'in', codes).execute()).map((r) => r.code));
    },
    async setSkills(userId: number, codes: string[]) {
      await db.transaction(async (trx) => {
        await trx.deleteFrom('user_skills').where('user_id', '=', userId).execute();
        if (codes.length)
          await trx
            .insertInto('user_skills')
            .values(codes.map((category_code) => ({ user_id: userId, category_code })))
            .execute();
      });
    },
    async findUserByUsername(username: string, c: Conn = k): Promise<User | undefined> {
      const r = await userQuery(c).where('u.username', '=', username).executeTakeFirst();
      return r && toUser(r);
    },
    async insertUser(
      c: Conn,
      row: {
        username: string;
        displayName: string;
        role: string;
        unitId: number;
        passwordHash: string;
        isSupervisor?: boolean;
        now: string;
      },
    ) {
      const r = await c
        .insertInto('users')
        .values({
          username: row.username,
          display_name: row.displayName,
          role: row.role,
          unit_id: row.unitId,
          password_hash: row.passwordHash,
          is_supervisor: row.isSupervisor ? 1 : 0,
          is_active: 1,
          version: 1,
          created_at: row.now,
          updated_at: row.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async updateUser(
      c: Conn,
      id: number,
      version: number,
      patch: Partial<{
        display_name: string;
        role: string;
        unit_id: number;
        is_supervisor: number;
        is_active: number;
        password_hash: string;
      }>,
      now: string,
    ): Promise<boolean> {
      const r = await c
        .updateTable('users')
        .set({ ...patch, updated_at: now, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async countUsers(): Promise<number> {
      const r = await k
        .selectFrom('users')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return count(r.n);
    },
  };
}
export type OrgRepository = ReturnType<typeof createOrgRepository>;
