import { Alert, Badge, Button, Card, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { UnitSelect } from '../../components/unit-select';
import { api } from '../../lib/api-client';
import { useMe } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import { useLiveRefresh } from '../../lib/live';
import { useLoad } from '../../lib/use-load';
import { MemberTable } from './member-table';
import { WorkloadSummary } from './workload-summary';

// A change of presence sends no live event, so the page also looks again now and then.
const PRESENCE_POLL_MS = 30_000;

interface Props {
  unitCode: string;
  onUnit(code: string): void;
}

/** Who in a unit holds what, who is there, and how the unit hands out orders: the supervisor's view of people. */
export function WorkloadView({ unitCode, onUnit }: Props) {
  const me = useMe();
  const { t, local, errorText } = useI18n();
  const workload = useLoad(() => api.workload(unitCode), [unitCode]);
  const categories = useLoad(() => api.categories().then((r) => r.items), []);
  const { refresh } = workload;
  useLiveRefresh(refresh, (e) => e.type === 'ticket.changed', 2000);
  useEffect(() => {
    const timer = setInterval(() => void refresh(), PRESENCE_POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  // department staff see only their own unit's people
  const isOwnUnitOnly = me.role === 'handler';
  const unit = workload.data?.unit;
  const picker = isOwnUnitOnly ? (
    <Typography.Text strong data-testid="workload-unit">
      {local(me.unit.name, me.unit.nameEn)}
    </Typography.Text>
  ) : (
    <UnitSelect value={unitCode} onChange={(code) => code && onUnit(code)} placeholder={t('workload.pickUnit')} testId="workload-unit" />
  );

  return (
    <Card
      title={unit ? `${t('workload.title')} · ${local(unit.name, unit.nameEn)}` : t('workload.title')}
      variant="borderless"
      extra={
        <Space wrap>
          {picker}
          <Badge status="processing" text={t('board.live')} />
          <Button onClick={() => void workload.reload()} data-testid="workload-refresh">
            {t('common.refresh')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('workload.hint')}</Typography.Text>
        {workload.error !== null && <Alert type="error" showIcon title={errorText(workload.error)} data-testid="workload-error" />}
        {workload.data && <WorkloadSummary workload={workload.data} />}
        <MemberTable workload={workload.data} categories={categories.data ?? []} isLoading={workload.isLoading} />
      </Space>
    </Card>
  );
}
