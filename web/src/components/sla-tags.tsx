import { Tag } from 'antd';
import { useI18n } from '../lib/i18n';
import type { SlaOutcome, SlaState } from '../lib/vocabulary';

export const slaTagColours: Record<SlaState, string> = { ok: 'green', warning: 'orange', overdue: 'red', problem: 'magenta' };
const outcomeColours: Record<SlaOutcome, string> = { timely: 'green', overdue: 'red', problem: 'magenta' };

export function SlaStateTag({ state, testId }: { state: SlaState; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={slaTagColours[state]} data-testid={testId} data-sla={state}>
      {t(`sla.state.${state}`)}
    </Tag>
  );
}

export function SlaOutcomeTag({ outcome }: { outcome: SlaOutcome }) {
  const { t } = useI18n();
  return <Tag color={outcomeColours[outcome]}>{t(`sla.outcome.${outcome}`)}</Tag>;
}
