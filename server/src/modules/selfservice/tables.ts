import type { Generated } from 'kysely';

// Tables of self-service (migration 0010): sign-in codes, customer sessions and attached images.
type Instant = string | Date;

export interface CustomerOtpTable {
  phone: string;
  code_hash: string;
  salt: string;
  attempts: Generated<number>;
  created_at: Instant;
  expires_at: Instant;
}

export interface CustomerSessionTable {
  token_hash: string;
  phone: string;
  csrf_token: string;
  created_at: Instant;
  expires_at: Instant;
}

export interface TicketAttachmentTable {
  id: Generated<number>;
  ticket_id: number;
  event_id: number | null;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer | Uint8Array;
  created_at: Instant;
}

export interface SelfServiceTables {
  customer_otps: CustomerOtpTable;
  customer_sessions: CustomerSessionTable;
  ticket_attachments: TicketAttachmentTable;
}
