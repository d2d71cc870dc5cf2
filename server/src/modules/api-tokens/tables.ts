import type { Generated } from 'kysely';

type Instant = string | Date;

// API tokens for IVR platforms and other systems (migration 0010).
export interface ApiTokenTable {
  id: Generated<number>;
  name: string;
  token_hash: string;
  prefix: string;
  scopes: string;
  created_by: number | null;
  created_at: Instant;
  last_used_at: Instant | null;
  revoked_at: Instant | null;
}

export interface ApiTokenTables {
  api_tokens: ApiTokenTable;
}
