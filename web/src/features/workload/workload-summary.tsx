import { Badge, Descriptions, Typography } from 'antd';
import type { Workload } from '../../../../contracts/assignment.js';
import { useI18n } from '../../lib/i18n';

/** How the unit hands out orders, and whether it is working now. */
export function WorkloadSummary({ workload }: { workload: Workload }) {
  const { t } = useI18n();
  const { mode, maxOpenPerPerson, takeTimeoutMinutes, onDuty } = workload;
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2, xl: 4 }}
      items={[
        {
          key: 'mode',
          label: t('workload.mode'),
          children: (
            <span data-testid="workload-mode" data-mode={mode}>
              <Typography.Text strong>{t(`assignmentMode.${mode}`)}</Typography.Text>
              <br />
              <Typography.Text type="secondary">{t(`assignmentModeHint.${mode}`)}</Typography.Text>
            </span>
          ),
        },
        {
          key: 'cap',
          label: t('workload.cap'),
          children: <span data-testid="workload-cap">{maxOpenPerPerson === null ? t('workload.noCap') : maxOpenPerPerson}</span>,
        },
        {
          key: 'timeout',
          label: t('workload.timeout'),
          children: <span data-testid="workload-timeout">{t('workload.minutes', { n: takeTimeoutMinutes })}</span>,
        },
        {
          key: 'duty',
          label: t('workload.duty'),
          children: (
            <Badge
              status={onDuty ? 'processing' : 'default'}
              text={onDuty ? t('workload.onDuty') : t('workload.offDuty')}
              data-testid="workload-duty"
              data-on-duty={onDuty}
            />
          ),
        },
      ]}
    />
  );
}
