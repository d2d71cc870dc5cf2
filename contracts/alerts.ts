// Plain data (no schema library), so the web can import it without pulling TypeBox into the bundle.
// What a fired clock is called: the ticket event's action and the notification's kind.
export const SlaAlertKinds = [
  'sla.warning',
  'sla.overdue',
  'sla.problem',
  'sla.answer_warning',
  'sla.answer_overdue',
  'sla.legal_warning',
  'sla.legal_overdue',
  'sla.accept_warning',
  'sla.accept_overdue',
] as const;
export type SlaAlertKind = (typeof SlaAlertKinds)[number];
