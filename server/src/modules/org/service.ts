import type { CreateUnitBody, CreateUserBody, Unit, UpdateUnitBody, UpdateUserBody, User } from '../../../../contracts/org.js';
import type { Clock } from '../../clock.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { AppError, conflict, notFound, unprocessable } from '../../errors.js';
import { hashPassword } from '../auth/index.js';
import type { OrgRepository } from './repository.js';

const stale = () => new AppError(412, 'conflict.version', 'Someone changed this first; reload and try again');

// Units and staff: the organisation tree of DOMAIN.md §1, edited by administrators.
export function createOrgService(deps: {
  repo: OrgRepository;
  clock: Clock;
  onUserDisabled: (userId: number) => Promise<void>;
  // a unit's calendar or activity feeds cached routing and clocks
  onUnitChanged: () => void;
}) {
  const { repo, clock } = deps;
  const now = () => clock.now().toISOString();

  async function unitOrThrow(code: string, field: string): Promise<Unit> {
    const unit = await repo.findUnitByCode(code);
    if (!unit) throw notFound('unit.not_found', `No unit with code ${code}`, { field });
    return unit;
  }

  async function calendarId(code: string | null | undefined): Promise<number | null> {
    if (!code) return null;
    const id = await repo.findCalendarId(code);
    if (id === undefined) throw notFound('calendar.not_found', `No calendar with code ${code}`, { field: 'body.calendarCode' });
    return id;
  }

  async function checkSkills(skills: string[] | undefined) {
    if (!skills) return;
    const known = await repo.existingCategories(skills);
    const i = skills.findIndex((c) => !known.has(c));
    if (i >= 0) throw unprocessable('category.not_found', `No category ${skills[i]}`, { field: `body.skills.${i}` });
  }

  async function parentId(code: string | null | undefined, self?: Unit): Promise<number | null> {
    if (!code) return null;
    const parent = await unitOrThrow(code, 'body.parentCode');
    if (self) {
      // walking up from the new parent must never reach the unit itself
      for (let u: Unit | undefined = parent; u; u = u.parentCode ? await repo.findUnitByCode(u.parentCode) : undefined) {
        if (u.id === self.id)
          throw conflict('unit.has_children', 'A unit cannot sit under itself or its own sub-unit', { field: 'body.parentCode' });
      }
    }
    return parent.id;
  }

  return {
    listUnits: () => repo.listUnits(),
    unitByCode: (code: string) => unitOrThrow(code, 'params.code'),

    async createUnit(body: CreateUnitBody): Promise<Unit> {
      // every lookup that can refuse happens before anything is written
      const pid = await parentId(body.parentCode);
      const cid = await calendarId(body.calendarCode);
      try {
        await repo.insertUnit(repo.connection, {
          code: body.code,
          name: body.name,
          nameEn: body.nameEn,
          kind: body.kind,
          parentId: pid,
          calendarId: cid,
          now: now(),
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('unit.code_taken', `Unit code ${body.code} is taken`, { field: 'body.code' });
        throw err;
      }
      // the optional settings take the same path, and checks, as an edit
      const { calendarCode, assignmentMode, maxOpenPerPerson, takeTimeoutMinutes } = body;
      if (
        calendarCode !== undefined ||
        assignmentMode !== undefined ||
        maxOpenPerPerson !== undefined ||
        takeTimeoutMinutes !== undefined
      ) {
        return this.updateUnit(body.code, { calendarCode, assignmentMode, maxOpenPerPerson, takeTimeoutMinutes });
      }
      return unitOrThrow(body.code, 'body.code');
    },

    async updateUnit(code: string, body: UpdateUnitBody, expected?: number): Promise<Unit> {
      const unit = await unitOrThrow(code, 'params.code');
      if (expected !== undefined && expected !== unit.version) throw stale();
      const patch: Parameters<OrgRepository['updateUnit']>[3] = {};
      if (body.name !== undefined) patch.name = body.name;
      if (body.nameEn !== undefined) patch.name_en = body.nameEn;
      if (body.kind !== undefined) patch.kind = body.kind;
      if (body.isActive !== undefined) patch.is_active = body.isActive ? 1 : 0;
      if (body.parentCode !== undefined) patch.parent_id = await parentId(body.parentCode, unit);
      if (body.calendarCode !== undefined) patch.calendar_id = await calendarId(body.calendarCode);
      if (body.assignmentMode !== undefined) patch.assignment_mode = body.assignmentMode;
      if (body.maxOpenPerPerson !== undefined) patch.max_open_per_person = body.maxOpenPerPerson;
      if (body.takeTimeoutMinutes !== undefined) patch.take_timeout_minutes = body.takeTimeoutMinutes;
      if (!(await repo.updateUnit(repo.connection, unit.id, unit.version, patch, now()))) throw stale();
      deps.onUnitChanged();
      return unitOrThrow(code, 'params.code');
    },

    async deleteUnit(code: string): Promise<void> {
      const unit = await unitOrThrow(code, 'params.code');
      const usage = await repo.unitUsage(repo.connection, unit.id);
      if (usage.children > 0) throw conflict('unit.has_children', 'Move or delete its sub-units first');
      if (usage.users + usage.tickets + usage.routes > 0) {
        throw conflict('unit.in_use', 'Staff, routing or tickets refer to this unit; deactivate it instead', usage);
      }
      await repo.deleteUnit(repo.connection, unit.id);
    },

    listUsers: async (filter: { role?: string; unitCode?: string }): Promise<User[]> => {
      const unit = filter.unitCode ? await unitOrThrow(filter.unitCode, 'query.unit') : undefined;
      return repo.listUsers({ role: filter.role, unitId: unit?.id });
    },

    async userById(id: number): Promise<User> {
      const user = await repo.findUserById(id);
      if (!user) throw notFound('user.not_found', `No user ${id}`);
      return user;
    },

    async createUser(body: CreateUserBody): Promise<User> {
      const unit = await unitOrThrow(body.unitCode, 'body.unitCode');
      await checkSkills(body.skills);
      const passwordHash = await hashPassword(body.password);
      try {
        const id = await repo.insertUser(repo.connection, {
          username: body.username,
          displayName: body.displayName,
          role: body.role,
          unitId: unit.id,
          passwordHash,
          now: now(),
        });
        if (body.isSupervisor !== undefined || body.skills !== undefined) {
          return this.updateUser(id, { isSupervisor: body.isSupervisor, skills: body.skills });
        }
        return this.userById(id);
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('user.username_taken', `Username ${body.username} is taken`, { field: 'body.username' });
        throw err;
      }
    },

    async updateUser(id: number, body: UpdateUserBody, expected?: number): Promise<User> {
      const user = await this.userById(id);
      if (expected !== undefined && expected !== user.version) throw stale();
      await checkSkills(body.skills);
      const patch: Parameters<OrgRepository['updateUser']>[3] = {};
      if (body.displayName !== undefined) patch.display_name = body.displayName;
      if (body.role !== undefined) patch.role = body.role;
      if (body.unitCode !== undefined) patch.unit_id = (await unitOrThrow(body.unitCode, 'body.unitCode')).id;
      if (body.isActive !== undefined) patch.is_active = body.isActive ? 1 : 0;
      if (body.isSupervisor !== undefined) patch.is_supervisor = body.isSupervisor ? 1 : 0;
      if (body.password !== undefined) patch.password_hash = await hashPassword(body.password);
      if (!(await repo.updateUser(repo.connection, id, user.version, patch, now()))) throw stale();
      if (body.skills !== undefined) await repo.setSkills(id, [...new Set(body.skills)]);
      // a disabled account, new role or new password must not keep an old session alive
      if (
        body.isActive === false ||
        body.role !== undefined ||
        body.password !== undefined ||
        body.unitCode !== undefined ||
        body.isSupervisor !== undefined
      ) {
        await deps.onUserDisabled(id);
      }
      return this.userById(id);
    },

    async deactivateUser(id: number): Promise<void> {
      await this.updateUser(id, { isActive: false });
    },
  };
}
export type OrgService = ReturnType<typeof createOrgService>;
