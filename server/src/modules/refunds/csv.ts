import type { Refund } from '../../../../contracts/refunds.js';
import { yuan } from './policy.js';

// A cell that starts like a formula is prefixed, so a spreadsheet never runs what a customer or agent typed.
const cell = (v: string | number | null): string => {
  if (v === null) return '';
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const HEADER = [
  'id',
  'created_at',
  'ticket',
  'category',
  'customer',
  'amount_yuan',
  'reason',
  'status',
  'approval_reasons',
  'requested_by',
  'requested_role',
  'credit_level',
  'limit_yuan',
  'decided_by',
  'decided_at',
  'decision_note',
  'billing_state',
  'billing_ref',
  'sent_at',
  'verification',
  'verified_at',
  'verification_note',
];

/** The audit report as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese text). */
export function refundsCsv(items: Refund[]): string {
  const lines = [HEADER.join(',')];
  for (const r of items) {
    lines.push(
      [
        r.id,
        r.createdAt,
        r.ticket.number,
        r.ticket.categoryCode,
        r.customer.phone,
        yuan(r.amount),
        r.reason,
        r.status,
        r.approvalReasons.join(' '),
        r.requestedBy?.name ?? null,
        r.requestedRole,
        r.creditLevel,
        yuan(r.limit),
        r.decidedBy?.name ?? null,
        r.decidedAt,
        r.decisionNote,
        r.billingState,
        r.billingRef,
        r.sentAt,
        r.verification,
        r.verifiedAt,
        r.verificationNote,
      ]
        .map(cell)
        .join(','),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
