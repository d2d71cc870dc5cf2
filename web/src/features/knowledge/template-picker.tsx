import { Alert, Form, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { TemplatePlaceholders, type ReplyTemplate, type TemplatePlaceholder } from '../../../../contracts/knowledge.js';
import { api } from '../../lib/api-client';
import { useSession } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { templateSlot } from './knowledge-values';

/**
 * Inside a ticket action's form: the reply templates matching the ticket (its category first), filled from it.
 * Picking one puts its text in the form's text field; what the ticket could not supply stays marked 【…】.
 */
export function TemplatePicker({ action, ticketId }: { action: string | null; ticketId: number | undefined }) {
  const { t } = useI18n();
  const { can } = useSession();
  const form = Form.useFormInstance();
  const slot = templateSlot(action);
  const enabled = !!slot && ticketId !== undefined && can('knowledge:read');
  const templates = useLoad(
    () => (enabled ? api.templates({ ticketId: String(ticketId), situation: slot.situation }).then((r) => r.items) : Promise.resolve([])),
    [enabled, ticketId, slot?.situation],
  );
  const [picked, setPicked] = useState<ReplyTemplate | null>(null);
  const placeholderName = (m: string) =>
    (TemplatePlaceholders as readonly string[]).includes(m) ? t(`knowledge.placeholder.${m as TemplatePlaceholder}`) : m;
  if (!enabled || !templates.data?.length) return null;

  const pick = (id: number) => {
    const tpl = templates.data?.find((x) => x.id === id) ?? null;
    setPicked(tpl);
    if (tpl) form.setFieldValue(slot.field, tpl.rendered?.text ?? tpl.body);
  };

  return (
    <Form.Item label={t('knowledge.template.pick')}>
      <Select
        placeholder={t('knowledge.template.placeholder')}
        onChange={pick}
        data-testid="template-picker"
        options={templates.data.map((tpl) => ({
          value: tpl.id,
          label: (
            <Space size={4}>
              {tpl.match && (
                <Tag color={tpl.match === 'exact' ? 'blue' : tpl.match === 'parent' ? 'cyan' : 'default'}>
                  {t(`knowledge.template.match.${tpl.match}`)}
                </Tag>
              )}
              {tpl.name}
            </Space>
          ),
        }))}
      />
      {picked?.rendered && picked.rendered.missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={t('knowledge.template.missing', { names: picked.rendered.missing.map((m) => `【${m}】${placeholderName(m)}`).join('、') })}
          data-testid="template-missing"
        />
      )}
    </Form.Item>
  );
}
