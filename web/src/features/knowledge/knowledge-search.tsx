import { Alert, Button, Card, Empty, Input, List, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { KnowledgeHit, KnowledgeKind } from '../../../../contracts/knowledge.js';
import { api } from '../../lib/api-client';
import { useSession } from '../../lib/auth';
import { formatTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { EntryDrawer } from './entry-drawer';
import { ArticleEditor } from './article-editor';
import { searchText } from './knowledge-values';
import { ReviewQueue } from './review-queue';

/** One search over published cases and articles, Chinese or English, any part of a word. */
export function KnowledgeSearch() {
  const { t, errorText } = useI18n();
  const { can } = useSession();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<KnowledgeKind | 'all'>('all');
  const [openId, setOpenId] = useState<number | null>(null);
  const [isWriting, setWriting] = useState(false);
  const hits = useLoad(
    () => (q ? api.searchKnowledge(q, kind === 'all' ? undefined : kind).then((r) => r.items) : Promise.resolve([] as KnowledgeHit[])),
    [q, kind],
  );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('knowledge.title')}
        variant="borderless"
        extra={
          can('knowledge:write') && (
            <Button type="primary" onClick={() => setWriting(true)} data-testid="knowledge-new-article">
              {t('knowledge.article.new')}
            </Button>
          )
        }
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input.Search
            allowClear
            enterButton={t('common.search')}
            placeholder={t('knowledge.search.placeholder')}
            onSearch={(v) => setQ(searchText(v))}
            maxLength={100}
            data-testid="knowledge-search"
          />
          <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as KnowledgeKind | 'all')} optionType="button">
            <Radio.Button value="all">{t('knowledge.kind.all')}</Radio.Button>
            <Radio.Button value="case">{t('knowledge.kind.case')}</Radio.Button>
            <Radio.Button value="article">{t('knowledge.kind.article')}</Radio.Button>
          </Radio.Group>
          {hits.error !== null && <Alert type="error" showIcon title={errorText(hits.error)} />}
          {q ? (
            <HitList hits={hits.data ?? []} isLoading={hits.isLoading} onOpen={setOpenId} />
          ) : (
            <Typography.Text type="secondary">{t('knowledge.search.hint')}</Typography.Text>
          )}
        </Space>
      </Card>
      {can('knowledge:review_case') && <ReviewQueue onOpen={setOpenId} />}
      {can('knowledge:write') && <MyArticles onOpen={setOpenId} />}
      {openId !== null && <EntryDrawer id={openId} onClose={() => setOpenId(null)} onChanged={() => void hits.reload()} />}
      {isWriting && <ArticleEditor article={null} onClose={() => setWriting(false)} onSaved={() => void hits.reload()} />}
    </Space>
  );
}

export function HitList({ hits, isLoading, onOpen }: { hits: KnowledgeHit[]; isLoading: boolean; onOpen(id: number): void }) {
  const { t } = useI18n();
  return (
    <List
      loading={isLoading}
      dataSource={hits}
      locale={{ emptyText: <Empty description={t('knowledge.search.none')} /> }}
      data-testid="knowledge-hits"
      renderItem={(h) => (
        <List.Item key={`${h.kind}-${h.id}`}>
          <List.Item.Meta
            title={
              <Space size={6}>
                <Tag color={h.kind === 'case' ? 'purple' : 'blue'}>{t(`knowledge.kind.${h.kind}`)}</Tag>
                <Typography.Link onClick={() => onOpen(h.id)}>{h.title}</Typography.Link>
                {h.publishedAt && <Typography.Text type="secondary">{formatTime(h.publishedAt)}</Typography.Text>}
              </Space>
            }
            description={h.snippet}
          />
        </List.Item>
      )}
    />
  );
}

function MyArticles({ onOpen }: { onOpen(id: number): void }) {
  const { t } = useI18n();
  const drafts = useLoad(() => api.knowledgeEntries({ kind: 'article', status: 'draft' }).then((r) => r.items), []);
  if (!drafts.data?.length) return null;
  return (
    <Card title={t('knowledge.article.drafts')} variant="borderless" size="small">
      <List
        dataSource={drafts.data}
        renderItem={(a) => (
          <List.Item key={a.id}>
            <Typography.Link onClick={() => onOpen(a.id)}>{a.title}</Typography.Link>
            <Typography.Text type="secondary">{formatTime(a.updatedAt)}</Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
