// Which time limits a ticket runs under: the most specific active policy wins (DOMAIN.md §3: limits differ
// by category and by customer level). Pure.

export interface SlaLimits {
  replyMinutes: number; // dispatch → the department's reply; past it the order is overdue (超时工单)
  problemMinutes: number; // past it the order is a problem order (问题工单)
  warnPercent: number; // warn when this share of the reply limit has passed
  answerMinutes: number; // acceptance → the customer is answered
}

export interface SlaPolicy extends SlaLimits {
  id: number;
  name: string;
  categoryCode: string | null; // a first level applies to its sub-categories too
  customerLevel: string | null;
  priority: string | null;
  isActive: boolean;
}

export const DEFAULT_LIMITS: SlaLimits = { replyMinutes: 48 * 60, problemMinutes: 72 * 60, warnPercent: 75, answerMinutes: 72 * 60 };

export interface TicketFacts {
  categoryCode: string;
  customerLevel: string;
  priority: string;
}

const parentOf = (code: string) => (code.length > 2 ? code.slice(0, code.length - 2) : null);

function specificity(p: SlaPolicy, t: TicketFacts): number | null {
  let category = 0;
  if (p.categoryCode === t.categoryCode) category = 2;
  else if (p.categoryCode !== null && p.categoryCode === parentOf(t.categoryCode)) category = 1;
  else if (p.categoryCode !== null) return null;
  if (p.customerLevel !== null && p.customerLevel !== t.customerLevel) return null;
  if (p.priority !== null && p.priority !== t.priority) return null;
  // category outranks customer level, which outranks priority
  return category * 100 + (p.customerLevel ? 10 : 0) + (p.priority ? 1 : 0);
}

export function choosePolicy(policies: readonly SlaPolicy[], ticket: TicketFacts): SlaPolicy | null {
  let best: { p: SlaPolicy; score: number } | null = null;
  for (const p of policies) {
    if (!p.isActive) continue;
    const score = specificity(p, ticket);
    if (score === null) continue;
    if (!best || score > best.score || (score === best.score && p.id < best.p.id)) best = { p, score };
  }
  return best?.p ?? null;
}
