import { useRef, useState } from 'react';
import type { TicketView } from '../../../../contracts/tickets.js';
import { api, ApiError } from '../../lib/api-client';
import { newRequestKey } from '../../lib/request-key';
import { toCreateBody, type IntakeMode, type IntakeValues } from './intake-values';

export interface IntakeResult {
  ticket: TicketView;
  mode: IntakeMode;
}

// A refusal (4xx) means nothing was created, so a corrected form is a new request; after a lost
// connection or a server error the same key lets the server recognise a ticket it already made.
const wasRefused = (e: unknown) => e instanceof ApiError && e.status >= 400 && e.status < 500 && e.code !== 'ticket.idempotency_key_reused';

export const travelsFromHere = (ticket: Pick<TicketView, 'actions' | 'incidentId'>) =>
  ticket.incidentId === null && ticket.actions.includes('dispatch');

export function useIntakeSubmit() {
  const key = useRef(newRequestKey());
  const created = useRef<TicketView | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (values: IntakeValues, mode: IntakeMode): Promise<IntakeResult | null> => {
    setBusy(true);
    setError(null);
    try {
      let ticket = created.current
        ? await api.getTicket(created.current.id)
        : await api.createTicket(toCreateBody(values, mode), key.current);
      created.current = ticket;
      // a repeat sent to its earlier owner or the desk, or a complaint that joined an incident, does not travel from here
      if (mode === 'dispatch' && travelsFromHere(ticket))
        ticket = await api.act(ticket.id, 'dispatch', values.unitCode ? { unitCode: values.unitCode } : {}, ticket.version);
      reset();
      return { ticket, mode };
    } catch (e) {
      if (!created.current && wasRefused(e)) key.current = newRequestKey();
      setError(e);
      return null;
    } finally {
      setBusy(false);
    }
  };

  function reset() {
    key.current = newRequestKey();
    created.current = null;
    setError(null);
  }

  /** a ticket that exists although its dispatch failed: the agent must not file it twice */
  const pending = () => created.current;

  return { submit, reset, isBusy, error, pending };
}
