import type { UnitRef } from '../../../../contracts/org.js';
import type { Conn } from './repository.js';

// The complaint desk is the active unit whose staff hold the desk role (综援室); the lowest id when there are several.
export async function findComplaintDesk(c: Conn): Promise<UnitRef | undefined> {
  const r = await c
    .selectFrom('org_units as u')
    .innerJoin('users as us', 'us.unit_id', 'u.id')
    .select(['u.id', 'u.code', 'u.name', 'u.name_en'])
    .where('us.role', '=', 'desk')
    .where('us.is_active', '=', 1)
    .where('u.is_active', '=', 1)
    .orderBy('u.id')
    .limit(1)
    .executeTakeFirst();
  return r && { id: r.id, code: r.code, name: r.name, nameEn: r.name_en };
}
