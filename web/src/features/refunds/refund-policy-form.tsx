import { App, Button, Card, Form, Input, InputNumber } from 'antd';
import { useEffect } from 'react';
import type { RefundPolicy } from '../../../../contracts/refunds.js';
import { Roles, type Role } from '../../../../contracts/roles.js';
import { api } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { fenToYuan, yuanToFen } from './money';

type Values = { minCreditLevel: number } & Record<Role, string>;

/** The administrator's refund authority: a limit per role (in yuan here, fen on the wire) and the credit threshold. */
export function RefundPolicyForm() {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const policy = useLoad(() => api.refundPolicy(), []);
  useEffect(() => {
    const p = policy.data;
    if (p)
      form.setFieldsValue({ minCreditLevel: p.minCreditLevel, ...Object.fromEntries(Roles.map((r) => [r, fenToYuan(p.roleLimits[r])])) });
  }, [policy.data, form]);
  const save = async () => {
    const v = await form.validateFields();
    const roleLimits = Object.fromEntries(Roles.map((r) => [r, yuanToFen(v[r]) ?? 0])) as RefundPolicy['roleLimits'];
    try {
      await api.saveRefundPolicy({ minCreditLevel: v.minCreditLevel, roleLimits });
      void message.success(t('quality.saved'));
    } catch (e) {
      void message.error(errorText(e), 5);
    }
  };
  const amount = {
    validator: async (_: unknown, v: string | undefined) => {
      if (!v || yuanToFen(v) === null) throw new Error(t('refunds.amountInvalid'));
    },
  };
  return (
    <Card variant="borderless" title={t('refunds.policy.title')}>
      <Form form={form} layout="horizontal" labelCol={{ span: 10 }} wrapperCol={{ span: 14 }} style={{ maxWidth: 480 }}>
        {Roles.map((r) => (
          <Form.Item key={r} name={r} label={t('refunds.policy.limit', { role: t(`role.${r}`) })} rules={[amount]}>
            <Input prefix="¥" inputMode="decimal" />
          </Form.Item>
        ))}
        <Form.Item name="minCreditLevel" label={t('refunds.policy.credit')} rules={[{ required: true }]}>
          <InputNumber min={1} max={5} precision={0} />
        </Form.Item>
        <Button type="primary" onClick={() => void save()}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
