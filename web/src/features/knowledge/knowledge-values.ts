import type { TemplateSituation } from '../../../../contracts/knowledge.js';

// Which template situation and which form field go with a ticket action, pure.
const byAction: Record<string, { situation: TemplateSituation; field: string }> = {
  resolve: { situation: 'first_answer', field: 'resolution' },
  reply: { situation: 'progress', field: 'result' },
  answer: { situation: 'final_answer', field: 'answer' },
};

export const templateSlot = (action: string | null) => (action ? (byAction[action] ?? null) : null);

/** a ticket with a result may be proposed as a case */
export const mayProposeCase = (t: { status: string; resolution: string | null }) =>
  ['replied', 'answered', 'closed'].includes(t.status) && !!t.resolution;

/** the search box: trimmed, nothing sent for blank input */
export const searchText = (q: string) => q.trim().replace(/\s+/g, ' ').slice(0, 100);
