import { App, Badge, Segmented, Tooltip } from 'antd';
import { useState } from 'react';
import { useMe, useSession } from '../lib/auth';
import { useI18n } from '../lib/i18n';
import { presences, type Presence } from '../lib/vocabulary';
import { presenceStatus } from './presence-tag';

/** Online, away or off, for everyone signed in: only people online get orders pushed to them. */
export function PresenceSwitch() {
  const me = useMe();
  const { setPresence } = useSession();
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [isBusy, setBusy] = useState(false);

  const change = async (next: Presence) => {
    setBusy(true);
    // no toast on success: the switch shows the new presence, and a toast would cover it
    try {
      await setPresence(next);
    } catch (e) {
      void message.error(errorText(e), 5);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Tooltip title={t('presence.hint')} placement="bottom">
      <Segmented<Presence>
        size="small"
        value={me.presence}
        disabled={isBusy}
        onChange={(next) => void change(next)}
        aria-label={t('presence.label')}
        data-testid="presence-switch"
        data-presence={me.presence}
        options={presences.map((p) => ({
          value: p,
          label: <Badge status={presenceStatus[p]} text={t(`presence.${p}`)} data-testid={`presence-${p}`} />,
        }))}
      />
    </Tooltip>
  );
}
