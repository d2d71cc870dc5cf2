import type { Generated } from 'kysely';

// The SMS module's own tables (migration 0009); `Database` extends this.
type Instant = string | Date;

export interface SmsKeywordTable {
  id: Generated<number>;
  /** progress | add_info | file */
  command: string;
  /** what the customer types first, matched without regard to case */
  keyword: string;
  created_at: Instant;
}

export interface SmsTemplateTable {
  /** accepted | replied | answered | help | … */
  key: string;
  /** zh-CN | en */
  language: string;
  text: string;
  updated_at: Instant;
}

/** One submitted part of an outbox message, by the id the gateway gave it, so a receipt finds its message. */
export interface SmsPartTable {
  gateway_id: string;
  outbox_id: number;
  part: number;
  /** submitted | DELIVRD | UNDELIV | EXPIRED | … (the receipt's stat) */
  status: string;
  updated_at: Instant;
}

/** Every message a customer sent us; the gateway's id makes a redelivered message count once. */
export interface SmsInboundTable {
  id: Generated<number>;
  gateway_key: string;
  phone: string;
  destination: string;
  text: string;
  /** progress | add_info | file | survey | help */
  command: string;
  outcome: string | null;
  received_at: Instant;
}

export interface SmsTables {
  sms_keywords: SmsKeywordTable;
  sms_templates: SmsTemplateTable;
  sms_parts: SmsPartTable;
  sms_inbound: SmsInboundTable;
}
