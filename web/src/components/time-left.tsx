import { ClockCircleOutlined, ExclamationCircleOutlined, PauseCircleOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { formatTime } from '../lib/format';
import { useI18n } from '../lib/i18n';
import { timeLeft, timeLeftText, type ClockFace } from '../lib/time-left';
import { useMinuteTick } from '../lib/use-now';
import type { SlaState } from '../lib/vocabulary';

export const slaTextColours: Record<SlaState, string> = { ok: '#389e0d', warning: '#d46b08', overdue: '#cf1322', problem: '#9e1068' };

/** "5 h 12 min left" or "overdue by 3 h", coloured by the clock's state, renewed every minute. */
export function TimeLeft({ clock, testId }: { clock: ClockFace; testId?: string }) {
  const { t } = useI18n();
  useMinuteTick();
  const left = timeLeft(clock, Date.now());
  const text = timeLeftText(left, t);
  if (left.kind === 'none') return <span style={{ color: '#999' }}>{text}</span>;
  const icon =
    left.kind === 'paused' ? <PauseCircleOutlined /> : left.kind === 'overdue' ? <ExclamationCircleOutlined /> : <ClockCircleOutlined />;
  return (
    <Tooltip title={`${t('sla.panel.dueAt')}${t('common.colon')}${formatTime(clock.dueAt)}`}>
      <span
        data-testid={testId}
        data-tone={left.tone}
        style={{
          color: left.kind === 'paused' ? '#8c8c8c' : slaTextColours[left.tone],
          fontWeight: left.tone === 'ok' || left.kind === 'paused' ? undefined : 600,
          whiteSpace: 'nowrap',
        }}
      >
        {icon} {text}
      </span>
    </Tooltip>
  );
}
