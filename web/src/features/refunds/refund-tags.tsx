import { Tag } from 'antd';
import type { Refund } from '../../../../contracts/refunds.js';
import { useI18n } from '../../lib/i18n';

const statusColor: Record<Refund['status'], string> = { pending_approval: 'gold', granted: 'green', rejected: 'default' };
const billingColor: Record<Refund['billingState'], string> = { waiting: 'default', queued: 'blue', sent: 'green', failed: 'red' };

export function RefundStatusTags({ refund }: { refund: Refund }) {
  const { t } = useI18n();
  return (
    <>
      <Tag color={statusColor[refund.status]} data-testid={`refund-status-${refund.id}`}>
        {t(`refunds.status.${refund.status}`)}
      </Tag>
      {refund.status === 'granted' && <Tag color={billingColor[refund.billingState]}>{t(`refunds.billing.${refund.billingState}`)}</Tag>}
      {refund.verification && (
        <Tag color={refund.verification === 'confirmed' ? 'green' : 'volcano'}>{t(`refunds.verification.${refund.verification}`)}</Tag>
      )}
    </>
  );
}
