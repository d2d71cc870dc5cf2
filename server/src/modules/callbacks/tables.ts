import type { Generated } from 'kysely';

// Row shapes of skill groups and callbacks (migration 0006); joined into db/schema.ts's Database.
type Instant = string | Date;

export interface SkillGroupTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_en: string;
  calendar_id: number | null;
  retry_attempts: Generated<number>;
  retry_minutes: Generated<number>;
  is_active: Generated<number>;
  version: Generated<number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface SkillGroupMemberTable {
  skill_group_id: number;
  user_id: number;
}

export interface CallbackTable {
  id: Generated<number>;
  skill_group_id: number;
  customer_phone: string;
  customer_id: number | null;
  ticket_id: number | null;
  topic: string;
  notes: string | null;
  language: Generated<string>;
  state: string;
  attempts: Generated<number>;
  due_at: Instant;
  booked_by: number;
  taken_by: number | null;
  taken_at: Instant | null;
  closed_at: Instant | null;
  version: Generated<number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface CallbackAttemptTable {
  id: Generated<number>;
  callback_id: number;
  attempt: number;
  outcome: string;
  note: string | null;
  actor_id: number;
  at: Instant;
}

export interface CallbackTables {
  skill_groups: SkillGroupTable;
  skill_group_members: SkillGroupMemberTable;
  callbacks: CallbackTable;
  callback_attempts: CallbackAttemptTable;
}
