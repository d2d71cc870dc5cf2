import { Card, Tabs } from 'antd';
import { InspectionTable } from '../features/quality/inspection-table';
import { SampleQueue } from '../features/quality/sample-queue';
import { ScoresTable } from '../features/quality/scores-table';
import { useI18n } from '../lib/i18n';

export function QualityPage() {
  const { t } = useI18n();
  return (
    <Card variant="borderless" title={t('quality.title')}>
      <Tabs
        items={[
          { key: 'queue', label: t('quality.tab.queue'), children: <SampleQueue /> },
          { key: 'inspections', label: t('quality.tab.inspections'), children: <InspectionTable scope="all" /> },
          { key: 'scores', label: t('quality.tab.scores'), children: <ScoresTable /> },
        ]}
      />
    </Card>
  );
}
