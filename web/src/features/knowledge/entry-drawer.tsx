import { Alert, App, Button, Descriptions, Drawer, Input, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../lib/api-client';
import { useSession } from '../../lib/auth';
import { formatTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { ArticleEditor } from './article-editor';

/** One case or article in full; the desk publishes or rejects a proposed case here, writers edit their articles. */
export function EntryDrawer({ id, onClose, onChanged }: { id: number; onClose(): void; onChanged(): void }) {
  const { t, errorText } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const entry = useLoad(() => api.knowledgeEntry(id), [id]);
  const [note, setNote] = useState('');
  const [isEditing, setEditing] = useState(false);
  const e = entry.data;

  const review = async (decision: 'publish' | 'reject') => {
    if (!e) return;
    try {
      await api.reviewCase(e.id, { decision, version: e.version, ...(note.trim() ? { note: note.trim() } : {}) });
      void message.success(t('common.saved'));
      onChanged();
      await entry.reload();
    } catch (err) {
      void message.error(errorText(err), 5);
    }
  };
  const archive = async () => {
    if (!e) return;
    try {
      await api.updateArticle(e.id, { status: 'archived', version: e.version });
      onChanged();
      await entry.reload();
    } catch (err) {
      void message.error(errorText(err), 5);
    }
  };

  return (
    <Drawer open width={640} onClose={onClose} title={e?.title ?? ''} data-testid="knowledge-entry">
      {entry.error !== null && <Alert type="error" showIcon title={errorText(entry.error)} />}
      {!e ? (
        <Spin />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('knowledge.kind.label')}>
              <Tag>{t(`knowledge.kind.${e.kind}`)}</Tag>
              <Tag color={e.status === 'published' ? 'green' : e.status === 'proposed' ? 'orange' : 'default'}>
                {t(`knowledge.status.${e.status}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('knowledge.author')}>{e.author.displayName}</Descriptions.Item>
            {e.sourceTicketNumber && (
              <Descriptions.Item label={t('knowledge.sourceTicket')}>
                <Link to={`/tickets/${e.sourceTicketNumber}`}>{e.sourceTicketNumber}</Link>
              </Descriptions.Item>
            )}
            {e.reviewer && (
              <Descriptions.Item
                label={t('knowledge.reviewer')}
              >{`${e.reviewer.displayName}${e.reviewNote ? `：${e.reviewNote}` : ''}`}</Descriptions.Item>
            )}
            {e.publishedAt && <Descriptions.Item label={t('knowledge.publishedAt')}>{formatTime(e.publishedAt)}</Descriptions.Item>}
          </Descriptions>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="knowledge-entry-body">
            {e.body}
          </Typography.Paragraph>
          {e.kind === 'case' && e.status === 'proposed' && can('knowledge:review_case') && (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text type="secondary">{t('knowledge.review.hint')}</Typography.Text>
              <Input.TextArea
                value={note}
                onChange={(ev) => setNote(ev.target.value)}
                placeholder={t('knowledge.review.note')}
                maxLength={2000}
                autoSize
              />
              <Space>
                <Button type="primary" onClick={() => void review('publish')} data-testid="knowledge-publish">
                  {t('knowledge.review.publish')}
                </Button>
                <Button danger onClick={() => void review('reject')}>
                  {t('knowledge.review.reject')}
                </Button>
              </Space>
            </Space>
          )}
          {e.kind === 'article' && can('knowledge:write') && (
            <Space>
              <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>
              {e.status !== 'archived' && <Button onClick={() => void archive()}>{t('knowledge.article.archive')}</Button>}
            </Space>
          )}
        </Space>
      )}
      {isEditing && e && (
        <ArticleEditor
          article={e}
          onClose={() => setEditing(false)}
          onSaved={() => {
            onChanged();
            void entry.reload();
          }}
        />
      )}
    </Drawer>
  );
}
