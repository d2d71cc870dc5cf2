import { Card, List, Typography } from 'antd';
import { api } from '../../lib/api-client';
import { formatTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';

/** The desk's list of proposed cases waiting for review. */
export function ReviewQueue({ onOpen }: { onOpen(id: number): void }) {
  const { t } = useI18n();
  const proposed = useLoad(() => api.knowledgeEntries({ kind: 'case', status: 'proposed' }).then((r) => r.items), []);
  return (
    <Card title={t('knowledge.review.title')} variant="borderless" size="small" data-testid="knowledge-review-queue">
      <List
        loading={proposed.isLoading}
        dataSource={proposed.data ?? []}
        locale={{ emptyText: t('knowledge.review.none') }}
        renderItem={(c) => (
          <List.Item key={c.id}>
            <Typography.Link onClick={() => onOpen(c.id)}>{c.title}</Typography.Link>
            <Typography.Text type="secondary">
              {c.author.displayName} · {c.sourceTicketNumber ?? ''} · {formatTime(c.createdAt)}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
