import type { CreateSkillGroupBody, SkillGroup, UpdateSkillGroupBody } from '../../../../contracts/callbacks.js';
import type { Clock } from '../../clock.js';
import { conflict, notFound, unprocessable } from '../../errors.js';
import type { ReferenceCache } from '../../reference-cache.js';
import type { CallbackRepository } from './repository.js';

// Administrators keep the skill groups: name, calendar, retry policy and members.
export function createSkillGroupAdmin({ repo, clock, cache }: { repo: CallbackRepository; clock: Clock; cache: ReferenceCache }) {
  async function list(): Promise<SkillGroup[]> {
    const groups = await repo.listGroups();
    const members = await repo.membersOf(groups.map((g) => g.id));
    const codes = new Map<number, string | null>();
    for (const g of groups)
      if (g.calendar_id !== null && !codes.has(g.calendar_id))
        codes.set(g.calendar_id, (await repo.findCalendar({ id: g.calendar_id }))?.code ?? null);
    return groups.map((g) => ({
      id: g.id,
      code: g.code,
      name: g.name,
      nameEn: g.name_en,
      calendarCode: g.calendar_id === null ? null : (codes.get(g.calendar_id) ?? null),
      retryAttempts: g.retry_attempts,
      retryMinutes: g.retry_minutes,
      isActive: g.is_active === 1,
      members: members.filter((m) => m.skill_group_id === g.id).map((m) => ({ id: m.id, displayName: m.display_name })),
      version: g.version,
    }));
  }
  const one = async (id: number) => (await list()).find((g) => g.id === id)!;

  async function calendarIdOf(code: string | null | undefined): Promise<number | null> {
    if (code === undefined || code === null) return null;
    const cal = await repo.findCalendar({ code });
    if (!cal) throw unprocessable('calendar.not_found', `No calendar ${code}`, { field: 'body.calendarCode' });
    return cal.id;
  }

  async function checkedMembers(ids: number[] | undefined): Promise<number[] | undefined> {
    if (!ids) return undefined;
    const found = new Set(await repo.existingUserIds(ids));
    const missing = ids.find((i) => !found.has(i));
    if (missing !== undefined) throw unprocessable('user.not_found', `No user ${missing}`, { field: 'body.memberIds' });
    return ids;
  }

  return {
    list,

    async create(body: CreateSkillGroupBody): Promise<SkillGroup> {
      if (await repo.findGroup({ code: body.code }))
        throw conflict('skill_group.code_taken', `Skill group ${body.code} exists`, { field: 'body.code' });
      const calendarId = await calendarIdOf(body.calendarCode);
      const members = await checkedMembers(body.memberIds);
      const now = clock.now().toISOString();
      const id = await repo.transaction(async (trx) => {
        const id = await repo.insertGroup(trx, {
          code: body.code,
          name: body.name,
          name_en: body.nameEn,
          calendar_id: calendarId,
          retry_attempts: body.retryAttempts ?? 3,
          retry_minutes: body.retryMinutes ?? 30,
          created_at: now,
          updated_at: now,
        });
        if (members) await repo.setMembers(trx, id, members);
        return id;
      });
      cache.invalidate();
      return one(id);
    },

    async update(id: number, body: UpdateSkillGroupBody): Promise<SkillGroup> {
      const g = await repo.findGroup({ id });
      if (!g) throw notFound('skill_group.not_found', `No skill group ${id}`);
      const calendarId = body.calendarCode === undefined ? g.calendar_id : await calendarIdOf(body.calendarCode);
      const members = await checkedMembers(body.memberIds);
      await repo.transaction(async (trx) => {
        const ok = await repo.updateGroup(trx, id, body.version, {
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.nameEn !== undefined ? { name_en: body.nameEn } : {}),
          ...(body.retryAttempts !== undefined ? { retry_attempts: body.retryAttempts } : {}),
          ...(body.retryMinutes !== undefined ? { retry_minutes: body.retryMinutes } : {}),
          ...(body.isActive !== undefined ? { is_active: body.isActive ? 1 : 0 } : {}),
          calendar_id: calendarId,
          updated_at: clock.now().toISOString(),
        });
        if (!ok) throw conflict('conflict.version', 'The skill group was changed by someone else; reload it');
        if (members) await repo.setMembers(trx, id, members);
      });
      cache.invalidate();
      return one(id);
    },
  };
}
export type SkillGroupAdmin = ReturnType<typeof createSkillGroupAdmin>;
