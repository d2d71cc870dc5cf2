import { sql } from 'kysely';
import { columnTypes, type MigrationUp } from './column-types.js';

// Who works an order inside a unit: pull, or pushed round robin / least open work / by skill, among members
// on duty and present, with a cap per person and a time to take it.
export const up: MigrationUp = async (db, dialect) => {
  const t = columnTypes(dialect);
  await db.schema
    .alterTable('org_units')
    .addColumn('assignment_mode', 'varchar(16)', (c) => c.notNull().defaultTo('pull'))
    .execute();
  await db.schema.alterTable('org_units').addColumn('max_open_per_person', 'integer').execute();
  await db.schema
    .alterTable('org_units')
    .addColumn('take_timeout_minutes', 'integer', (c) => c.notNull().defaultTo(30))
    .execute();
  await db.schema
    .alterTable('users')
    .addColumn('presence', 'varchar(8)', (c) => c.notNull().defaultTo('online'))
    .execute();
  await db.schema.alterTable('users').addColumn('last_assigned_at', t.instant).execute();
  await db.schema
    .createTable('user_skills')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('category_code', 'varchar(8)', (c) => c.notNull().references('categories.code'))
    .addPrimaryKeyConstraint('user_skills_pk', ['user_id', 'category_code'])
    .execute();
  await db.schema.alterTable('tickets').addColumn('assigned_at', t.instant).execute();
  // when the assignment sweep must look at this order again (not taken in time, assignee gone, nobody free)
  await db.schema.alterTable('tickets').addColumn('assign_check_at', t.instant).execute();
  await db.schema
    .createIndex('tickets_assign_check')
    .on('tickets')
    .column('assign_check_at')
    .where(sql.ref('assign_check_at'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('tickets_handling_user')
    .on('tickets')
    .columns(['handling_user_id', 'status'])
    .where(sql.ref('handling_user_id'), 'is not', null)
    .execute();
};
