import { App } from 'antd';
import { useState } from 'react';
import type { ActionBody, TicketView } from '../../../../contracts/tickets.js';
import { api, ApiError } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import type { TicketAction } from '../../lib/vocabulary';
import { toActionBody } from './action-fields';

/** Runs one action with the version the user saw; if someone else moved the ticket first, reloads it. */
export function useTicketAction(ticket: TicketView | null, reload: () => Promise<void>) {
  const { message } = App.useApp();
  const { t } = useI18n();
  const [action, setAction] = useState<TicketAction | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);

  const open = (next: TicketAction) => {
    setError(null);
    setAction(next);
  };
  const cancel = () => setAction(null);

  const submit = async (values: Record<string, unknown>) => {
    if (!ticket || !action) return;
    setBusy(true);
    setError(null);
    let isStale = false;
    try {
      const body = toActionBody(action, values) as ActionBody<typeof action>;
      await api.act(ticket.id, action, body, ticket.version);
    } catch (e) {
      isStale = e instanceof ApiError && e.status === 412;
      if (!isStale) {
        setError(e);
        setBusy(false);
        return;
      }
    }
    // done before the reload, so the next action's button is ready as soon as the new state shows
    setBusy(false);
    setAction(null);
    if (isStale) void message.warning(t('ticket.versionConflict'), 5);
    else void message.success(t('ticket.actionDone', { action: t(`ticket.action.${action}`) }));
    await reload();
  };

  return { action, error, isBusy, open, cancel, submit };
}
