import type { Transaction } from 'kysely';
import type { Customer, CustomerLevel } from '../../../../contracts/org.js';
import type { Db } from '../../db/dialect.js';
import { toIso } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';

type Conn = Db['kysely'] | Transaction<Database>;

export function createCustomerRepository(db: Db) {
  const k = db.kysely;
  const toCustomer = (r: {
    id: number;
    phone: string;
    name: string | null;
    level: string;
    credit_level: number;
    home_area: string | null;
    created_at: string | Date;
  }): Customer => ({
    id: r.id,
    phone: r.phone,
    name: r.name,
    level: r.level as CustomerLevel,
    creditLevel: r.credit_level,
    homeArea: r.home_area,
    createdAt: toIso(r.created_at),
  });
  return {
    async findByPhone(phone: string, c: Conn = k): Promise<Customer | undefined> {
      const r = await c.selectFrom('customers').selectAll().where('phone', '=', phone).executeTakeFirst();
      return r && toCustomer(r);
    },
    // A caller we have never seen becomes a customer record on their first complaint.
    async findOrCreate(c: Conn, phone: string, name: string | undefined, now: string): Promise<number> {
      await c
        .insertInto('customers')
        .values({ phone, name: name ?? null, level: 'normal', credit_level: 3, home_area: null, created_at: now, updated_at: now })
        .onConflict((oc) => oc.column('phone').doNothing())
        .execute();
      const r = await c.selectFrom('customers').select(['id', 'name']).where('phone', '=', phone).executeTakeFirstOrThrow();
      if (name && !r.name) await c.updateTable('customers').set({ name, updated_at: now }).where('id', '=', r.id).execute();
      return r.id;
    },
  };
}
export type CustomerRepository = ReturnType<typeof createCustomerRepository>;
