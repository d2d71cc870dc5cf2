import { App, Button, Card, List, Typography } from 'antd';
import { useState } from 'react';
import type { TicketView } from '../../../../contracts/tickets.js';
import { api } from '../../lib/api-client';
import { useSession } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { EntryDrawer } from './entry-drawer';
import { mayProposeCase } from './knowledge-values';

/** On the ticket page: published cases like this one, and proposing this ticket as a case once it has a result. */
export function TicketKnowledge({ ticket }: { ticket: TicketView }) {
  const { t, errorText } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const [openId, setOpenId] = useState<number | null>(null);
  const mayRead = can('knowledge:read');
  const similar = useLoad(() => (mayRead ? api.similarCases(ticket.id).then((r) => r.items) : Promise.resolve([])), [ticket.id, mayRead]);
  if (!mayRead) return null;

  const propose = async () => {
    try {
      await api.proposeCase({ ticketId: ticket.id });
      void message.success(t('knowledge.case.proposed'), 5);
    } catch (e) {
      void message.error(errorText(e), 5);
    }
  };

  return (
    <Card
      variant="borderless"
      size="small"
      title={t('knowledge.similar.title')}
      style={{ marginBottom: 16 }}
      data-testid="similar-cases"
      extra={
        can('knowledge:propose_case') &&
        mayProposeCase(ticket) && (
          <Button size="small" onClick={() => void propose()} data-testid="propose-case">
            {t('knowledge.case.propose')}
          </Button>
        )
      }
    >
      <List
        size="small"
        loading={similar.isLoading}
        dataSource={similar.data ?? []}
        locale={{ emptyText: t('knowledge.similar.none') }}
        renderItem={(h) => (
          <List.Item key={h.id}>
            <List.Item.Meta title={<Typography.Link onClick={() => setOpenId(h.id)}>{h.title}</Typography.Link>} description={h.snippet} />
          </List.Item>
        )}
      />
      {openId !== null && <EntryDrawer id={openId} onClose={() => setOpenId(null)} onChanged={() => void similar.reload()} />}
    </Card>
  );
}
