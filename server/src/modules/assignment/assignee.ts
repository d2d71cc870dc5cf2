// Choosing who in a unit gets a pushed order: fair, predictable, and never someone who is away, off duty
// or already carrying their cap. Pure.

export const AssignmentModes = ['pull', 'round_robin', 'least_open', 'skill'] as const;
export type AssignmentMode = (typeof AssignmentModes)[number];
export type Presence = 'online' | 'away' | 'off';

export interface Member {
  userId: number;
  presence: Presence;
  onDuty: boolean;
  open: number; // orders with this person not yet replied
  lastAssignedAt: Date | null;
  skills: readonly string[]; // category codes; a first level covers its sub-categories
}

export const isAvailable = (m: Member, cap: number | null) => m.presence === 'online' && m.onDuty && (cap === null || m.open < cap);

const longestWaiting = (a: Member, b: Member) =>
  (a.lastAssignedAt?.getTime() ?? 0) - (b.lastAssignedAt?.getTime() ?? 0) || a.userId - b.userId;
const leastOpen = (a: Member, b: Member) => a.open - b.open || longestWaiting(a, b);

const hasSkill = (m: Member, categoryCode: string) => m.skills.some((s) => categoryCode === s || categoryCode.startsWith(s));

export function chooseAssignee(members: readonly Member[], mode: AssignmentMode, cap: number | null, categoryCode: string): Member | null {
  if (mode === 'pull') return null;
  const available = members.filter((m) => isAvailable(m, cap));
  if (available.length === 0) return null;
  if (mode === 'round_robin') return [...available].sort(longestWaiting)[0]!;
  if (mode === 'least_open') return [...available].sort(leastOpen)[0]!;
  // by skill: the least loaded of those who know this category; anyone available when nobody does
  const skilled = available.filter((m) => hasSkill(m, categoryCode));
  return [...(skilled.length ? skilled : available)].sort(leastOpen)[0]!;
}
