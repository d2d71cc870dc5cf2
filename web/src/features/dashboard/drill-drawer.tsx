import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { TicketSummary } from '../../../../contracts/tickets.js';
import { useI18n } from '../../lib/i18n';
import { exportHref } from './exports';
import type { Drill } from './figures';
import { useDrill } from './use-drill';

interface Props {
  drill: Drill | null;
  onClose(): void;
  renderTickets(items: TicketSummary[], isLoading: boolean): ReactNode;
}

/** The tickets behind a clicked number, with the queue's table and export buttons. */
export function DrillDrawer({ drill, onClose, renderTickets }: Props) {
  const { t, lang, errorText } = useI18n();
  const list = useDrill(drill);
  const query = drill ? { figure: drill.figure, from: drill.from, to: drill.to, by: drill.by, group: drill.group, lang } : {};
  return (
    <Drawer
      open={drill !== null}
      onClose={onClose}
      size="min(1200px, 95vw)"
      title={drill ? t('dashboard.drill.title', { label: drill.label }) : ''}
      extra={
        drill && (
          <Space>
            <Button
              icon={<DownloadOutlined />}
              href={exportHref('stats/tickets', { ...query, format: 'csv' })}
              data-testid="drill-export-csv"
            >
              {t('dashboard.export.csv')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              href={exportHref('stats/tickets', { ...query, format: 'xlsx' })}
              data-testid="drill-export-xlsx"
            >
              {t('dashboard.export.xlsx')}
            </Button>
          </Space>
        )
      }
      data-testid="drill-drawer"
    >
      {drill && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('dashboard.drill.period', { from: drill.from, to: drill.to })}</Typography.Text>
          {list.error !== null && <Alert type="error" showIcon title={errorText(list.error)} />}
          {renderTickets(list.items, list.isLoading)}
          <Space>
            <Typography.Text type="secondary" data-testid="drill-count">
              {t('dashboard.drill.shown', { n: list.items.length })}
            </Typography.Text>
            {list.hasMore && (
              <Button onClick={() => void list.loadMore()} loading={list.isLoading} data-testid="drill-more">
                {t('dashboard.drill.more')}
              </Button>
            )}
          </Space>
        </Space>
      )}
    </Drawer>
  );
}
