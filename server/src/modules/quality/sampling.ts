import { createHash } from 'node:crypto';
import type { SamplingRules } from '../../../../contracts/quality.js';

export interface Candidate {
  ticketId: number;
  agentId: number | null;
  isRepeat: boolean;
  unsatisfied: boolean;
}
export type SampleReason = 'share' | 'repeat' | 'unsatisfied';

// A ticket's place in a seeded shuffle: the same seed orders the same tickets the same way on every run and every
// machine, so a sample can be reproduced (and checked) later; another seed gives another order.
const rank = (seed: string, ticketId: number) => createHash('sha256').update(`${seed}:${ticketId}`).digest('hex');

/** The week's sample: a share of each agent's tickets, and every repeat or unsatisfied one the rules name. */
export function drawSample(candidates: Candidate[], rules: SamplingRules, seed: string): { ticketId: number; reason: SampleReason }[] {
  const chosen = new Map<number, SampleReason>();
  for (const c of candidates) {
    if (rules.unsatisfiedSurveys && c.unsatisfied) chosen.set(c.ticketId, 'unsatisfied');
    else if (rules.repeatComplaints && c.isRepeat) chosen.set(c.ticketId, 'repeat');
  }
  const byAgent = new Map<number | null, Candidate[]>();
  for (const c of candidates) byAgent.set(c.agentId, [...(byAgent.get(c.agentId) ?? []), c]);
  for (const group of byAgent.values()) {
    const take = Math.ceil((group.length * rules.sharePercent) / 100);
    const ordered = group
      .map((c) => ({ c, r: rank(seed, c.ticketId) }))
      .sort((a, b) => (a.r < b.r ? -1 : a.r > b.r ? 1 : a.c.ticketId - b.c.ticketId));
    for (const { c } of ordered.slice(0, take)) if (!chosen.has(c.ticketId)) chosen.set(c.ticketId, 'share');
  }
  return [...chosen].map(([ticketId, reason]) => ({ ticketId, reason })).sort((a, b) => a.ticketId - b.ticketId);
}

export interface WeightedItem {
  key: string;
  weight: number;
}
/** Weighted total in hundredths of a point (0–10000), integer arithmetic rounded once. */
export function weightedScore(form: WeightedItem[], scores: Map<string, number>): number {
  const total = form.reduce((s, i) => s + i.weight, 0);
  const sum = form.reduce((s, i) => s + i.weight * (scores.get(i.key) ?? 0), 0);
  return Math.round((sum * 100) / total);
}
