import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
  type ButtonProps,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { CallbackOutcomes, type Callback, type CallbackOutcome, type CallbackQuery } from '../../../../contracts/callbacks.js';
import { slaTagColours } from '../../components/sla-tags';
import { api } from '../../lib/api-client';
import { useMe, useSession } from '../../lib/auth';
import { formatTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { BookCallbackButton } from './book-callback';
import { asksTicketNumber, attemptBody, mayCall } from './callback-values';

type StateFilter = NonNullable<CallbackQuery['state']>;
const stateFilters: StateFilter[] = ['active', 'open', 'taken', 'solved', 'ticketed', 'unreached'];

/** A skill group's callbacks by due time: take one, call, record what happened. */
export function CallbackQueue() {
  const { t, local, errorText } = useI18n();
  const { can } = useSession();
  const me = useMe();
  const { message } = App.useApp();
  const [group, setGroup] = useState<string | undefined>();
  const [state, setState] = useState<StateFilter>('active');
  const [calling, setCalling] = useState<Callback | null>(null);
  const groups = useLoad(() => api.skillGroups().then((r) => r.items), []);
  const mayWork = can('callback:work');
  const list = useLoad(
    () => (mayWork ? api.callbacks({ skillGroup: group, state }).then((r) => r.items) : Promise.resolve([])),
    [group, state, mayWork],
  );
  // due soon and overdue change with time alone: look again every minute
  const { refresh } = list;
  useEffect(() => {
    const timer = setInterval(() => void refresh(), 60_000);
    return () => clearInterval(timer);
  }, [refresh]);

  const take = async (c: Callback) => {
    try {
      setCalling(await api.takeCallback(c.id));
    } catch (e) {
      void message.error(errorText(e), 5);
    }
    await list.reload();
  };

  const columns: TableColumnsType<Callback> = [
    {
      title: t('callbacks.dueAt'),
      key: 'due',
      render: (_, c) => (
        <Space size={4}>
          <span>{formatTime(c.dueAt)}</span>
          {c.state !== 'solved' && c.state !== 'ticketed' && c.state !== 'unreached' && (
            <Tag color={slaTagColours[c.dueState]} data-testid={`callback-due-${c.id}`}>
              {t(`callbacks.due.${c.dueState}`)}
            </Tag>
          )}
        </Space>
      ),
    },
    { title: t('callbacks.skillGroup'), key: 'group', render: (_, c) => local(c.skillGroup.name, c.skillGroup.nameEn) },
    {
      title: t('callbacks.customer'),
      key: 'customer',
      render: (_, c) => (
        <span>
          {c.customerName ? `${c.customerName} ` : ''}
          <Typography.Text copyable={c.customerPhone.includes('*') ? false : { text: c.customerPhone }}>{c.customerPhone}</Typography.Text>
        </span>
      ),
    },
    {
      title: t('callbacks.topic'),
      key: 'topic',
      render: (_, c) => (
        <div>
          <div>{c.topic}</div>
          {c.notes && <Typography.Text type="secondary">{c.notes}</Typography.Text>}
        </div>
      ),
    },
    {
      title: t('callbacks.ticket'),
      key: 'ticket',
      render: (_, c) => (c.ticketNumber ? <Link to={`/tickets/${c.ticketNumber}`}>{c.ticketNumber}</Link> : '—'),
    },
    { title: t('callbacks.attempts'), key: 'attempts', render: (_, c) => `${c.attempts}/${c.maxAttempts}` },
    {
      title: t('callbacks.state'),
      key: 'state',
      render: (_, c) => (
        <span>
          <Tag>{t(`callbacks.state.${c.state}`)}</Tag>
          {c.takenBy && c.state === 'taken' ? c.takenBy.displayName : ''}
        </span>
      ),
    },
    {
      title: t('common.operations'),
      key: 'ops',
      render: (_, c) =>
        mayCall(c, me.id) ? (
          <Space size={0}>
            {c.state === 'open' && (
              <Button type="link" onClick={() => void take(c)} data-testid={`callback-take-${c.id}`}>
                {t('callbacks.take')}
              </Button>
            )}
            <Button type="link" onClick={() => setCalling(c)} data-testid={`callback-record-${c.id}`}>
              {t('callbacks.record')}
            </Button>
          </Space>
        ) : null,
    },
  ];

  return (
    <Card
      title={t('callbacks.title')}
      variant="borderless"
      extra={
        <Space>
          <BookCallbackButton onBooked={() => void list.reload()} />
          <Button onClick={() => void list.reload()}>{t('common.refresh')}</Button>
        </Space>
      }
    >
      {!mayWork ? (
        <Typography.Paragraph type="secondary">{t('callbacks.bookOnlyHint')}</Typography.Paragraph>
      ) : (
        <>
          <Space style={{ marginBottom: 12 }} wrap>
            <Select
              allowClear
              placeholder={t('callbacks.allGroups')}
              style={{ minWidth: 200 }}
              value={group}
              onChange={setGroup}
              options={(groups.data ?? []).map((g) => ({ value: g.code, label: local(g.name, g.nameEn) }))}
              data-testid="callback-group-filter"
            />
            <Radio.Group value={state} onChange={(e) => setState(e.target.value as StateFilter)} optionType="button" buttonStyle="solid">
              {stateFilters.map((s) => (
                <Radio.Button key={s} value={s}>
                  {t(`callbacks.state.${s}`)}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Space>
          {list.error !== null && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 12 }} />}
          <Table<Callback>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data ?? []}
            loading={list.isLoading}
            pagination={false}
            data-testid="callback-queue"
          />
        </>
      )}
      {calling && <AttemptModal callback={calling} onClose={() => setCalling(null)} onDone={() => void list.reload()} />}
    </Card>
  );
}

function AttemptModal({ callback, onClose, onDone }: { callback: Callback; onClose(): void; onDone(): void }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ outcome: CallbackOutcome; note?: string; ticketNumber?: string }>();
  const outcome = Form.useWatch('outcome', form);
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);

  const submit = async (v: { outcome: CallbackOutcome; note?: string; ticketNumber?: string }) => {
    setBusy(true);
    setError(null);
    try {
      const after = await api.recordCallbackAttempt(callback.id, attemptBody(v));
      const key = after.state === 'open' ? 'callbacks.retryAt' : after.state === 'unreached' ? 'callbacks.smsSent' : 'common.saved';
      void message.success(t(key, { at: formatTime(after.dueAt) }), 6);
      onDone();
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
      title={`${t('callbacks.record')} · ${callback.customerPhone}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={isBusy}
      okButtonProps={{ 'data-testid': 'callback-attempt-submit' } as ButtonProps}
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
        <Typography.Paragraph>
          {callback.topic} · {t('callbacks.attemptOf', { n: callback.attempts + 1, max: callback.maxAttempts })}
        </Typography.Paragraph>
        <Form.Item name="outcome" label={t('callbacks.outcome')} rules={[{ required: true, message: t('error.validation.required') }]}>
          <Radio.Group>
            <Space direction="vertical">
              {CallbackOutcomes.map((o) => (
                <Radio key={o} value={o} data-testid={`callback-outcome-${o}`}>
                  {t(`callbacks.outcome.${o}`)}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        {asksTicketNumber(outcome, callback) && (
          <Form.Item
            name="ticketNumber"
            label={t('callbacks.ticketNumber')}
            rules={[{ pattern: /^TS[0-9]{14,20}$/, message: t('callbacks.ticketNumberInvalid') }]}
          >
            <Input maxLength={22} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('callbacks.note')} rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="callback-note" />
        </Form.Item>
        {callback.history.length > 0 && (
          <Typography.Paragraph type="secondary">
            {callback.history
              .map(
                (h) => `${formatTime(h.at)} ${h.actor.displayName}：${t(`callbacks.outcome.${h.outcome}`)}${h.note ? `（${h.note}）` : ''}`,
              )
              .join('；')}
          </Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}
