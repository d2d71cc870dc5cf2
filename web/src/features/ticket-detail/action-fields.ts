import type { TicketAction } from '../../lib/vocabulary';
import type { MessageKey } from '../../lib/i18n';

export type FieldKind = 'text' | 'unit' | 'check';

export interface ActionField {
  name: 'resolution' | 'unitCode' | 'result' | 'solved' | 'reason' | 'answer' | 'note';
  kind: FieldKind;
  label: MessageKey;
  isRequired: boolean;
}

const text = (name: ActionField['name'], label: MessageKey, isRequired = true): ActionField => ({ name, kind: 'text', label, isRequired });
const optionalNote = text('note', 'form.note', false);
const reason = text('reason', 'form.reason');

// What each action asks for: the fields of ActionBodies in contracts/tickets.ts.
export const actionFields: Record<TicketAction, ActionField[]> = {
  resolve: [text('resolution', 'form.resolution'), optionalNote],
  dispatch: [{ name: 'unitCode', kind: 'unit', label: 'form.unit', isRequired: false }, optionalNote],
  take: [optionalNote],
  reply: [text('result', 'form.result'), { name: 'solved', kind: 'check', label: 'form.solved', isRequired: false }, optionalNote],
  return: [reason],
  transfer: [{ name: 'unitCode', kind: 'unit', label: 'form.unit', isRequired: true }, reason],
  answer: [text('answer', 'form.answer'), optionalNote],
  close: [optionalNote],
  reopen: [reason],
  suspend: [reason],
  resume: [optionalNote],
  escalate: [reason],
  note: [text('note', 'form.note')],
};

/** The request body: only the fields this action knows, without empty strings. */
export function toActionBody(action: TicketAction, values: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of actionFields[action]) {
    const value = values[field.name];
    if (typeof value === 'string' && value.trim()) body[field.name] = value.trim();
    if (typeof value === 'boolean') body[field.name] = value;
  }
  return body;
}
