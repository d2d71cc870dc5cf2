import { InfoCircleOutlined } from '@ant-design/icons';
import { Col, Row, Statistic, Tooltip } from 'antd';
import type { Timeliness } from '../../../contracts/sla.js';
import { formatRate } from '../lib/format';
import { useI18n } from '../lib/i18n';

type Figures = Pick<Timeliness, 'all' | 'timely' | 'overdue' | 'problem' | 'timelyRate'>;

/** "Timely rate" with the formula a manager will ask about (DOMAIN.md §3) a hover away. */
export function TimelyRateTitle() {
  const { t } = useI18n();
  return (
    <Tooltip title={t('stats.formula')}>
      <span data-testid="timely-rate-title">
        {t('stats.timelyRate')} <InfoCircleOutlined style={{ color: '#8c8c8c' }} />
      </span>
    </Tooltip>
  );
}

const danger = (n: number) => (n > 0 ? { content: { color: '#cf1322' } } : undefined);

/** The four counts and the timely rate of one period. */
export function TimelinessFigures({ figures, isLoading }: { figures: Figures | undefined; isLoading?: boolean }) {
  const { t } = useI18n();
  const f = figures ?? { all: 0, timely: 0, overdue: 0, problem: 0, timelyRate: null };
  return (
    <Row gutter={[24, 16]} data-testid="timeliness-figures">
      <Col xs={12} md={5}>
        <Statistic title={t('stats.all')} value={f.all} loading={isLoading} data-testid="figure-all" />
      </Col>
      <Col xs={12} md={5}>
        <Statistic title={t('stats.timely')} value={f.timely} loading={isLoading} data-testid="figure-timely" />
      </Col>
      <Col xs={12} md={5}>
        <Statistic
          title={t('stats.overdue')}
          value={f.overdue}
          loading={isLoading}
          styles={danger(f.overdue)}
          data-testid="figure-overdue"
        />
      </Col>
      <Col xs={12} md={4}>
        <Statistic
          title={t('stats.problem')}
          value={f.problem}
          loading={isLoading}
          styles={danger(f.problem)}
          data-testid="figure-problem"
        />
      </Col>
      <Col xs={24} md={5}>
        <Statistic
          title={<TimelyRateTitle />}
          value={formatRate(f.timelyRate)}
          loading={isLoading}
          styles={{ content: { color: '#0a6bd6', fontWeight: 600 } }}
          data-testid="figure-rate"
        />
      </Col>
    </Row>
  );
}
