import { Badge } from 'antd';
import { useI18n } from '../lib/i18n';
import type { Presence } from '../lib/vocabulary';

export const presenceStatus: Record<Presence, 'success' | 'warning' | 'default'> = { online: 'success', away: 'warning', off: 'default' };

/** Whether a person gets pushed orders now: a coloured dot and the word. */
export function PresenceTag({ presence, testId }: { presence: Presence; testId?: string }) {
  const { t } = useI18n();
  return <Badge status={presenceStatus[presence]} text={t(`presence.${presence}`)} data-testid={testId} data-presence={presence} />;
}
