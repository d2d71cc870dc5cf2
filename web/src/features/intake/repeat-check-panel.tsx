import { Alert, App, Button, Input, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { EarlierTicket, IncidentSummary, RepeatCheck } from '../../../../contracts/incidents.js';
import type { Location } from '../../../../contracts/tickets.js';
import { StatusTag } from '../../components/ticket-tags';
import { api } from '../../lib/api-client';
import { formatTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { isMobileNumber } from './use-customer-profile';

/** Would this call repeat an earlier complaint? Said while the caller is still on the line, with the earlier results. */
export function useRepeatCheck(phone: string | undefined, categoryCode: string | undefined) {
  const [check, setCheck] = useState<RepeatCheck | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    setCheck(null);
    if (!isMobileNumber(phone)) return;
    let isCurrent = true;
    api.repeatCheck(phone, categoryCode && categoryCode.length === 4 ? categoryCode : undefined).then(
      (c) => isCurrent && setCheck(c),
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [phone, categoryCode, version]);
  return { check, recheck: () => setVersion((v) => v + 1) };
}

function Earlier({ ticket, onAttach }: { ticket: EarlierTicket; onAttach?: (t: EarlierTicket) => void }) {
  const { t } = useI18n();
  return (
    <div style={{ padding: '6px 0', borderBottom: '1px solid #f5f5f5' }} data-testid="repeat-earlier">
      <Space wrap>
        <Link to={`/tickets/${ticket.number}`} target="_blank">
          {ticket.number}
        </Link>
        <StatusTag status={ticket.status} />
        {ticket.isRepeat && <Tag color="volcano">{t('repeats.flag')}</Tag>}
        <Typography.Text type="secondary">{`${ticket.categoryCode} · ${formatTime(ticket.createdAt)}`}</Typography.Text>
        {onAttach && (
          <Button size="small" onClick={() => onAttach(ticket)} data-testid={`repeat-attach-${ticket.number}`}>
            {t('repeats.attach')}
          </Button>
        )}
      </Space>
      {(ticket.answer ?? ticket.resolution) && <div>{ticket.answer ?? ticket.resolution}</div>}
    </div>
  );
}

/** The repeat warning above the form, with a one-click "record this call on the open ticket instead". */
export function RepeatCheckPanel({
  check,
  phone,
  onAttached,
}: {
  check: RepeatCheck | null;
  phone: string;
  onAttached(number: string): void;
}) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  if (!check?.isRepeat) return null;
  const openIds = new Set(check.openTickets.map((x) => x.id));
  const attach = async (ticket: EarlierTicket) => {
    try {
      await api.attachCall({ ticket: ticket.number, customerPhone: phone, note: note.trim() || t('repeats.attach.defaultNote') });
      void message.success(t('repeats.attach.done', { number: ticket.number }));
      onAttached(ticket.number);
    } catch (e) {
      void message.error(errorText(e), 5);
    }
  };
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="repeat-check"
      title={t('repeats.check.title')}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            {t('repeats.check.hint', { priority: check.priority ? t(`priority.${check.priority}`) : '' })}
          </Typography.Paragraph>
          {check.earlier.map((x) => (
            <Earlier key={x.id} ticket={x} onAttach={openIds.has(x.id) ? (tk) => void attach(tk) : undefined} />
          ))}
          {check.openTickets.length > 0 && (
            <Input
              style={{ marginTop: 8 }}
              value={note}
              maxLength={2000}
              onChange={(e) => setNote(e.target.value)}
              placeholder={`${t('repeats.attach.note')}: ${t('repeats.attach.defaultNote')}`}
              data-testid="repeat-attach-note"
            />
          )}
        </>
      }
    />
  );
}

/** A live incident this complaint would join: the agent tells the caller it is being handled, before filing. */
export function useIncidentMatch(categoryCode: string | undefined, location: Location | undefined) {
  const [items, setItems] = useState<IncidentSummary[]>([]);
  const key = JSON.stringify([categoryCode, location]);
  useEffect(() => {
    setItems([]);
    const place = Object.fromEntries(Object.entries(location ?? {}).filter(([, v]) => typeof v === 'string' && v.trim()));
    if (!categoryCode || categoryCode.length !== 4 || Object.keys(place).length === 0) return;
    let isCurrent = true;
    const timer = setTimeout(() => {
      api.matchIncidents({ categoryCode, ...place }).then(
        (r) => isCurrent && setItems(r.items),
        () => undefined,
      );
    }, 300);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
    // the key stands for both values: the form hands a new location object on every keystroke
  }, [key]);
  return items;
}

export function IncidentNotice({ items }: { items: IncidentSummary[] }) {
  const { t } = useI18n();
  if (items.length === 0) return null;
  return (
    <>
      {items.map((i) => (
        <Alert
          key={i.id}
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="incident-notice"
          title={t('incidents.joined', { id: i.id })}
        />
      ))}
    </>
  );
}
