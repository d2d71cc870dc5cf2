import type { CreateSlaPolicyBody, SlaPolicy } from '../../../../contracts/sla.js';
import { hoursToMinutes, minutesToHours } from '../../lib/time-left';
import type { CustomerLevel, Priority } from '../../lib/vocabulary';

/** The policy form: limits in hours, as people think of them; "any" is an empty choice. */
export interface PolicyValues {
  name: string;
  categoryCode?: string | null;
  customerLevel?: CustomerLevel | null;
  priority?: Priority | null;
  replyHours: number;
  problemHours: number;
  warnPercent: number;
  answerHours: number;
  isActive: boolean;
}

// DOMAIN.md §3: 48 h to the reply, 72 h to a problem order; warn at three quarters; answer within 72 h.
export const newPolicyValues: Partial<PolicyValues> = {
  replyHours: 48,
  problemHours: 72,
  warnPercent: 75,
  answerHours: 72,
  isActive: true,
};

export function fromPolicy(p: SlaPolicy): PolicyValues {
  return {
    name: p.name,
    categoryCode: p.categoryCode,
    customerLevel: p.customerLevel,
    priority: p.priority,
    replyHours: minutesToHours(p.replyMinutes),
    problemHours: minutesToHours(p.problemMinutes),
    warnPercent: p.warnPercent,
    answerHours: minutesToHours(p.answerMinutes),
    isActive: p.isActive,
  };
}

/** The request body; a cleared choice is sent as null so that editing can widen a policy again. */
export function toPolicyBody(v: PolicyValues): CreateSlaPolicyBody {
  const replyMinutes = hoursToMinutes(v.replyHours);
  return {
    name: v.name.trim(),
    categoryCode: v.categoryCode ?? null,
    customerLevel: v.customerLevel ?? null,
    priority: v.priority ?? null,
    replyMinutes,
    // rounding must not put the problem limit under the reply limit the form already checked
    problemMinutes: Math.max(replyMinutes, hoursToMinutes(v.problemHours)),
    warnPercent: v.warnPercent,
    answerMinutes: hoursToMinutes(v.answerHours),
    isActive: v.isActive,
  };
}
