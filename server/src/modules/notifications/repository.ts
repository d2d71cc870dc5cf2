import type { Kysely } from 'kysely';
import type { Db } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';
import { count, toIso, toIsoOrNull } from '../../db/dialect.js';
import type { Notification } from '../../../../contracts/notifications.js';

const PAGE = 100;

/** One notification for each person, written in the caller's transaction with the change it tells them about. */
export async function insertNotifications(
  conn: Kysely<Database>,
  userIds: number[],
  n: { ticketId: number; kind: string; data: Record<string, unknown>; at: string },
) {
  if (userIds.length === 0) return;
  await conn
    .insertInto('notifications')
    .values(
      userIds.map((user_id) => ({
        user_id,
        ticket_id: n.ticketId,
        kind: n.kind,
        data: JSON.stringify(n.data),
        created_at: n.at,
        read_at: null,
      })),
    )
    .execute();
}

export function createNotificationRepository(db: Db) {
  const k = db.kysely;
  return {
    async list(userId: number, unreadOnly: boolean): Promise<Notification[]> {
      let q = k.selectFrom('notifications').selectAll().where('user_id', '=', userId);
      if (unreadOnly) q = q.where('read_at', 'is', null);
      const rows = await q.orderBy('id', 'desc').limit(PAGE).execute();
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        ticketId: r.ticket_id,
        data: JSON.parse(r.data) as Record<string, unknown>,
        createdAt: toIso(r.created_at),
        readAt: toIsoOrNull(r.read_at),
      }));
    },
    async unreadCount(userId: number): Promise<number> {
      const r = await k
        .selectFrom('notifications')
        .select((e) => e.fn.countAll().as('n'))
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return count(r.n as number);
    },
    async markRead(userId: number, ids: number[] | 'all', at: string) {
      let q = k.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
      if (ids !== 'all') q = q.where('id', 'in', ids);
      await q.execute();
    },
  };
}
export type NotificationRepository = ReturnType<typeof createNotificationRepository>;
