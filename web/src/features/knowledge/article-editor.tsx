import { Alert, Checkbox, Form, Input, Modal, type ButtonProps } from 'antd';
import { useState } from 'react';
import type { KnowledgeEntry } from '../../../../contracts/knowledge.js';
import { CategoryCascader } from '../../components/category-cascader';
import { api } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';

interface Values {
  title: string;
  body: string;
  categoryCode?: string | null;
  publish?: boolean;
}

/** Business operations write and correct articles; the title and text are what the search finds. */
export function ArticleEditor({ article, onClose, onSaved }: { article: KnowledgeEntry | null; onClose(): void; onSaved(): void }) {
  const { t, errorText } = useI18n();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  const categories = useLoad(() => api.categories().then((r) => r.items), []);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const common = { title: v.title.trim(), body: v.body.trim(), categoryCode: v.categoryCode ?? null };
      if (article)
        await api.updateArticle(article.id, {
          ...common,
          ...(v.publish && article.status !== 'published' ? { status: 'published' as const } : {}),
          version: article.version,
        });
      else await api.createArticle({ ...common, publish: !!v.publish });
      onSaved();
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={article ? `${t('common.edit')} · ${article.title}` : t('knowledge.article.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={isBusy}
      okButtonProps={{ 'data-testid': 'article-save' } as ButtonProps}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          article
            ? { title: article.title, body: article.body, categoryCode: article.categoryCode, publish: article.status === 'published' }
            : { publish: true }
        }
        onFinish={(v) => void submit(v)}
      >
        {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
        <Form.Item name="title" label={t('knowledge.article.title')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input maxLength={200} data-testid="article-title" />
        </Form.Item>
        <Form.Item name="categoryCode" label={t('knowledge.template.category')}>
          <CategoryCascader categories={categories.data ?? []} allowParent allowClear />
        </Form.Item>
        <Form.Item name="body" label={t('knowledge.article.body')} rules={[{ required: true, whitespace: true, max: 20000 }]}>
          <Input.TextArea autoSize={{ minRows: 8, maxRows: 20 }} maxLength={20000} data-testid="article-body" />
        </Form.Item>
        <Form.Item name="publish" valuePropName="checked">
          <Checkbox disabled={article?.status === 'published'}>{t('knowledge.article.publish')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
