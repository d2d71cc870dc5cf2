import { Tag } from 'antd';
import type { CustomerLevel, Priority, TicketStatus } from '../lib/vocabulary';
import { useI18n } from '../lib/i18n';

const statusColours: Record<TicketStatus, string> = {
  accepted: 'default',
  dispatched: 'blue',
  processing: 'geekblue',
  replied: 'cyan',
  answered: 'purple',
  closed: 'green',
  returned: 'orange',
  suspended: 'gold',
};

const priorityColours: Record<Priority, string> = { low: 'default', normal: 'blue', high: 'orange', urgent: 'red' };
const levelColours: Record<CustomerLevel, string> = { normal: 'default', silver: 'default', gold: 'gold', diamond: 'magenta' };

export const isVip = (level: CustomerLevel) => level !== 'normal';

export function StatusTag({ status, testId }: { status: TicketStatus; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={statusColours[status]} data-testid={testId} data-status={status}>
      {t(`ticket.status.${status}`)}
    </Tag>
  );
}

export function PriorityTag({ priority }: { priority: Priority }) {
  const { t } = useI18n();
  return <Tag color={priorityColours[priority]}>{t(`priority.${priority}`)}</Tag>;
}

export function LevelTag({ level }: { level: CustomerLevel }) {
  const { t } = useI18n();
  return (
    <span>
      <Tag color={levelColours[level]}>{t(`level.${level}`)}</Tag>
      {isVip(level) && <Tag color="red">{t('customer.vip')}</Tag>}
    </span>
  );
}
