import { Alert, App, Empty, Modal, Radio, Space, Spin, Tag, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import type { TicketView } from '../../../../contracts/tickets.js';
import { PresenceTag } from '../../components/presence-tag';
import { api, ApiError } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';

interface Props {
  ticket: TicketView;
  onClose(): void;
  onDone(): Promise<void>;
}

/** A supervisor picks a member of the unit holding the order, seeing who is there and how much each one holds. */
export function AssignModal({ ticket, onClose, onDone }: Props) {
  const { t, local, errorText } = useI18n();
  const { message } = App.useApp();
  const unit = ticket.handlingUnit;
  const workload = useLoad(() => (unit ? api.workload(unit.code) : Promise.resolve(undefined)), [unit?.code]);
  const [userId, setUserId] = useState<number>();
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  const members = workload.data?.members ?? [];
  const current = ticket.handlingUser?.id;

  const submit = async () => {
    const chosen = members.find((m) => m.user.id === userId);
    if (!chosen) return setError(new Error(t('assign.pick')));
    setBusy(true);
    setError(null);
    try {
      await api.assignTicket(ticket.id, chosen.user.id);
      void message.success(t('assign.done', { name: chosen.user.name }));
      onClose();
      await onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const refusal = error instanceof ApiError && error.code === 'user.not_found' ? t('assign.notMember') : errorText(error);

  return (
    <Modal
      open
      title={t('assign.title')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('ticket.reassign')}
      cancelText={t('common.cancel')}
      confirmLoading={isBusy}
      okButtonProps={{ disabled: userId === undefined, 'data-testid': 'assign-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="assign-form">
        {unit && <Typography.Text type="secondary">{t('assign.hint', { unit: local(unit.name, unit.nameEn) })}</Typography.Text>}
        {error !== null && <Alert type="error" showIcon title={refusal} data-testid="assign-error" />}
        {workload.error !== null && <Alert type="error" showIcon title={errorText(workload.error)} />}
        <Spin spinning={workload.isLoading}>
          {members.length === 0 && !workload.isLoading ? (
            <Empty description={t('workload.empty')} />
          ) : (
            <Radio.Group value={userId} onChange={(e) => setUserId(e.target.value as number)} style={{ width: '100%' }}>
              <Space orientation="vertical" style={{ width: '100%' }}>
                {members.map((m) => (
                  <Radio key={m.user.id} value={m.user.id} disabled={m.user.id === current} data-testid={`assign-member-${m.user.id}`}>
                    <Space size={12} wrap>
                      <Typography.Text strong>{m.user.name}</Typography.Text>
                      <PresenceTag presence={m.presence} />
                      <Typography.Text type="secondary">{t('assign.load', { open: m.open, waiting: m.waiting })}</Typography.Text>
                      {m.user.id === current && <Tag color="blue">{t('assign.current')}</Tag>}
                    </Space>
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          )}
        </Spin>
      </Space>
    </Modal>
  );
}
