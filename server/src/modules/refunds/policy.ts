import type { RefundPolicy } from '../../../../contracts/refunds.js';
import type { Role } from '../../../../contracts/roles.js';

export const REFUND_POLICY_KEY = 'refunds.policy';

// Front-line authority (Jiangxi): small amounts at once for customers with good credit; the rest to a supervisor.
export const defaultRefundPolicy: RefundPolicy = {
  roleLimits: { agent: 5_000, specialist: 5_000, desk: 20_000, handler: 0, qa: 0, manager: 50_000, admin: 0 },
  minCreditLevel: 3,
};

export function parseRefundPolicy(stored: string | undefined): RefundPolicy {
  if (!stored) return structuredClone(defaultRefundPolicy);
  try {
    const p = JSON.parse(stored) as Partial<RefundPolicy>;
    return {
      roleLimits: { ...defaultRefundPolicy.roleLimits, ...p.roleLimits },
      minCreditLevel: p.minCreditLevel ?? defaultRefundPolicy.minCreditLevel,
    };
  } catch {
    return structuredClone(defaultRefundPolicy);
  }
}

export type ApprovalReason = 'over_limit' | 'low_credit';

/** Whether a refund may be granted at once, and if not, why a supervisor must approve it. */
export function refundDecision(policy: RefundPolicy, role: Role, amountFen: number, creditLevel: number) {
  const limit = policy.roleLimits[role];
  const reasons: ApprovalReason[] = [];
  if (amountFen > limit) reasons.push('over_limit');
  if (creditLevel < policy.minCreditLevel) reasons.push('low_credit');
  return { limit, reasons, grantedAtOnce: reasons.length === 0 };
}

/** 12345 fen → "123.45": integer arithmetic only */
export const yuan = (fen: number): string =>
  `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
