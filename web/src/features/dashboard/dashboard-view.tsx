import { DownloadOutlined, FullscreenExitOutlined, FullscreenOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Col, DatePicker, Empty, List, Row, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { StatsRow, StatsSummary } from '../../../../contracts/stats.js';
import type { TicketSummary } from '../../../../contracts/tickets.js';
import { UnitSelect } from '../../components/unit-select';
import { api } from '../../lib/api-client';
import { useSession } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import { useLiveRefresh } from '../../lib/live';
import { useLoad } from '../../lib/use-load';
import { categoryMixOption, drillOf, trendOption, unitTimelinessOption, type ChartWords } from './charts';
import { DrillDrawer } from './drill-drawer';
import { EChart } from './echart';
import { exportHref } from './exports';
import { FigureCard } from './figure-card';
import { figureSpecs, formatFigure, rowLabel, type Drill, type FigureSpec } from './figures';
import { lastWholeMonth, periodOf, today, trendGrain, type Period } from './period';
import { PeriodPicker } from './period-picker';

export interface DashboardViewProps {
  /** the queue's ticket table, given by the page (features do not import each other) */
  renderTickets(items: TicketSummary[], isLoading: boolean): ReactNode;
  /** opens a ticket from the about-to-breach list */
  onOpenTicket(number: string): void;
}

const WALL_REFRESH_MS = 60_000;
const LIVE_THROTTLE_MS = 5_000;
const BREACH_LIST = 8;

/** The manager's dashboard (DOMAIN.md §10): every figure over a period, beside the previous one and last year's. */
export function DashboardView({ renderTickets, onOpenTicket }: DashboardViewProps) {
  const { t, lang, local, errorText } = useI18n();
  const { can } = useSession();
  const [search, setSearch] = useSearchParams();
  const wall = search.get('wall') === '1';
  const scale = wall ? 1.6 : 1;
  const [period, setPeriod] = useState<Period>(() => periodOf('month', today()));
  const [drill, setDrill] = useState<Drill | null>(null);
  const [updatedAt, setUpdatedAt] = useState(() => new Date());
  const grain = trendGrain(period);
  const key = `${period.from}/${period.to}`;

  const byUnit = useLoad(() => api.statsSummary({ from: period.from, to: period.to, by: 'unit' }), [key]);
  const trend = useLoad(() => api.statsSummary({ from: period.from, to: period.to, by: grain }), [key, grain]);
  const mix = useLoad(() => api.statsSummary({ from: period.from, to: period.to, by: 'category1' }), [key]);
  const canBoard = can('sla:board');
  const board = useLoad(() => (canBoard ? api.slaBoard() : Promise.resolve(undefined)), [canBoard]);
  const breaching = useLoad(() => api.listTickets({ sla: 'warning', sort: 'due', limit: String(BREACH_LIST) }), []);
  // incidents come from another module; a server without it (404) or a role without it (403) shows a note instead
  const incidents = useLoad(() => api.openIncidents().catch(() => null), []);

  const refreshAll = useCallback(async () => {
    await Promise.all([byUnit.refresh(), trend.refresh(), mix.refresh(), board.refresh(), breaching.refresh(), incidents.refresh()]);
    setUpdatedAt(new Date());
  }, [byUnit, trend, mix, board, breaching, incidents]);
  useLiveRefresh(refreshAll, (e) => e.type !== 'notification', LIVE_THROTTLE_MS);
  // the wall screen also refreshes on a timer, in case the live stream is cut by the network in between
  const latestRefresh = useRef(refreshAll);
  useEffect(() => {
    latestRefresh.current = refreshAll;
  });
  useEffect(() => {
    if (!wall) return;
    const timer = setInterval(() => void latestRefresh.current(), WALL_REFRESH_MS);
    return () => clearInterval(timer);
  }, [wall]);

  const setWall = (on: boolean) => {
    setSearch(
      (s) => {
        const next = new URLSearchParams(s);
        if (on) next.set('wall', '1');
        else next.delete('wall');
        return next;
      },
      { replace: true },
    );
    if (on) void document.documentElement.requestFullscreen?.().catch(() => undefined);
    else if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  };

  const words: ChartWords = useMemo(
    () => ({
      current: t('dashboard.compare.current'),
      previous: t('dashboard.compare.previous'),
      lastYear: t('dashboard.compare.lastYear'),
      volume: t('dashboard.figure.volume'),
      timelyRate: t('dashboard.figure.timelyRate'),
      overdue: t('dashboard.figure.overdue'),
      problem: t('dashboard.figure.problem'),
      label: (row) => rowLabel(row, lang),
    }),
    [t, lang],
  );
  const trendChart = useMemo(() => (trend.data ? trendOption(trend.data, grain, words, scale) : null), [trend.data, grain, words, scale]);
  const mixChart = useMemo(
    () => (mix.data?.groups.some((g) => g.current.volume > 0) ? categoryMixOption(mix.data, words, scale) : null),
    [mix.data, words, scale],
  );
  const unitChart = useMemo(() => (byUnit.data ? unitTimelinessOption(byUnit.data, words, scale) : null), [byUnit.data, words, scale]);

  const openChart = (params: unknown) => {
    const d = drillOf(params);
    if (d) setDrill(d);
  };
  const openFigure = (spec: FigureSpec, row?: StatsRow, by?: StatsSummary['by']) =>
    setDrill({
      figure: spec.drill,
      from: period.from,
      to: period.to,
      by: row && row.key !== 'all' ? (by ?? undefined) : undefined,
      group: row && row.key !== 'all' ? row.key : undefined,
      label: row && row.key !== 'all' ? `${t(`dashboard.figure.${spec.key}`)} · ${rowLabel(row, lang)}` : t(`dashboard.figure.${spec.key}`),
    });

  const summary = byUnit.data;
  const periodsText = summary
    ? t('dashboard.periods', {
        current: `${summary.periods.current.from} ~ ${summary.periods.current.to}`,
        previous: `${summary.periods.previous.from} ~ ${summary.periods.previous.to}`,
        lastYear: `${summary.periods.lastYear.from} ~ ${summary.periods.lastYear.to}`,
      })
    : '';

  const boardTotals = (board.data?.units ?? []).reduce(
    (s, u) => ({ warning: s.warning + u.warning, overdue: s.overdue + u.overdue, problem: s.problem + u.problem }),
    { warning: 0, overdue: 0, problem: 0 },
  );

  const specOf = (key: FigureSpec['key']) => figureSpecs.find((s) => s.key === key)!;
  const cell = (key: FigureSpec['key']) => (_: unknown, row: StatsRow) => (
    <Typography.Link onClick={() => openFigure(specOf(key), row, 'unit')} data-testid={`unit-${row.key}-${key}`}>
      {formatFigure(row.current[key] as number | null, specOf(key).format)}
    </Typography.Link>
  );
  const unitColumns: TableColumnsType<StatsRow> = [
    { title: t('dashboard.col.unit'), key: 'unit', render: (_, r) => rowLabel(r, lang) },
    { title: t('dashboard.figure.volume'), key: 'volume', align: 'right', render: cell('volume') },
    { title: t('dashboard.col.dispatched'), key: 'dispatched', align: 'right', render: (_, r) => r.current.dispatched },
    { title: t('dashboard.figure.timelyRate'), key: 'timelyRate', align: 'right', render: cell('timelyRate') },
    { title: t('dashboard.figure.overdue'), key: 'overdue', align: 'right', render: cell('overdue') },
    { title: t('dashboard.figure.problem'), key: 'problem', align: 'right', render: cell('problem') },
    { title: t('dashboard.figure.interceptionRate'), key: 'interceptionRate', align: 'right', render: cell('interceptionRate') },
    { title: t('dashboard.figure.repeatRate'), key: 'repeatRate', align: 'right', render: cell('repeatRate') },
    { title: t('dashboard.figure.satisfaction'), key: 'satisfaction', align: 'right', render: cell('satisfaction') },
  ];
  const summaryExport = (format: 'csv' | 'xlsx') =>
    exportHref('stats/summary', { from: period.from, to: period.to, by: 'unit', format, lang });

  const statsError = byUnit.error ?? trend.error ?? mix.error;
  const chartHeight = Math.round(280 * scale);

  const content = (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="dashboard">
      <Card variant="borderless" size="small">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap size={16}>
            <Typography.Title level={wall ? 2 : 4} style={{ margin: 0 }}>
              {t('dashboard.title')}
            </Typography.Title>
            {!wall && <PeriodPicker value={period} onChange={setPeriod} />}
          </Space>
          <Space wrap>
            <Badge status="processing" text={t('dashboard.live')} />
            <Typography.Text type="secondary">{t('dashboard.updatedAt', { time: dayjs(updatedAt).format('HH:mm:ss') })}</Typography.Text>
            <Button icon={<ReloadOutlined />} onClick={() => void refreshAll()} aria-label={t('dashboard.refresh')} />
            <Button
              icon={wall ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
              onClick={() => setWall(!wall)}
              data-testid="dashboard-wall"
            >
              {wall ? t('dashboard.wallExit') : t('dashboard.wall')}
            </Button>
          </Space>
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 * scale }} data-testid="dashboard-periods">
          {periodsText} {!wall && `· ${t('dashboard.drillHint')}`}
        </Typography.Text>
      </Card>

      {statsError !== null && <Alert type="warning" showIcon title={`${t('dashboard.unavailable')}: ${errorText(statsError)}`} />}

      <Row gutter={[12, 12]}>
        {figureSpecs.map((spec) => (
          <Col key={spec.key} xs={12} sm={8} md={6} xl={wall ? 3 : 4} xxl={3}>
            <FigureCard spec={spec} row={summary?.total} scale={scale} onOpen={(s) => openFigure(s)} />
          </Col>
        ))}
      </Row>

      <Row gutter={[12, 12]}>
        <Col xs={24} xl={14}>
          <Card title={t('dashboard.trend')} variant="borderless" size="small">
            {trendChart ? <EChart option={trendChart} height={chartHeight} onClick={openChart} testId="chart-trend" /> : <Empty />}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('dashboard.categoryMix')} variant="borderless" size="small">
            {mixChart ? <EChart option={mixChart} height={chartHeight} onClick={openChart} testId="chart-mix" /> : <Empty />}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('dashboard.byUnit')} variant="borderless" size="small">
            {unitChart ? <EChart option={unitChart} height={chartHeight} onClick={openChart} testId="chart-units" /> : <Empty />}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Card
              title={t('dashboard.breach')}
              variant="borderless"
              size="small"
              extra={
                canBoard && (
                  <Typography.Text type="secondary" data-testid="dashboard-breach-totals">
                    {t('dashboard.breach.total', boardTotals)}
                  </Typography.Text>
                )
              }
            >
              <List
                size="small"
                dataSource={breaching.data?.items ?? []}
                loading={breaching.isLoading}
                locale={{ emptyText: t('dashboard.breach.none') }}
                renderItem={(ticket) => (
                  <List.Item key={ticket.id} data-testid={`breach-${ticket.number}`}>
                    <Typography.Link onClick={() => onOpenTicket(ticket.number)}>{ticket.number}</Typography.Link>
                    <span>{local(ticket.categoryName, ticket.categoryNameEn)}</span>
                    <Tag color={ticket.sla.state === 'warning' ? 'orange' : 'red'}>{t(`sla.state.${ticket.sla.state}`)}</Tag>
                    <span>{ticket.handlingUnit ? local(ticket.handlingUnit.name, ticket.handlingUnit.nameEn) : t('common.none')}</span>
                  </List.Item>
                )}
              />
            </Card>
            <Card
              title={t('dashboard.incidents')}
              variant="borderless"
              size="small"
              extra={
                incidents.data && (
                  <Tag color={incidents.data.items.length ? 'red' : 'default'}>
                    {t('dashboard.incidents.count', { n: incidents.data.items.length })}
                  </Tag>
                )
              }
              data-testid="dashboard-incidents"
            >
              {incidents.data === null ? (
                <Typography.Text type="secondary">{t('dashboard.incidents.unavailable')}</Typography.Text>
              ) : (
                <List
                  size="small"
                  dataSource={incidents.data?.items ?? []}
                  loading={incidents.isLoading}
                  locale={{ emptyText: t('dashboard.incidents.none') }}
                  renderItem={(i) => (
                    <List.Item key={i.id}>
                      <span>{i.area.label}</span>
                      <span>{local(i.category.nameZh, i.category.nameEn)}</span>
                      <Tag>{t('dashboard.incidents.complaints', { n: i.count })}</Tag>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          </Space>
        </Col>
      </Row>

      {!wall && (
        <Card
          title={t('dashboard.unitTable')}
          variant="borderless"
          size="small"
          extra={
            <Space>
              <Button size="small" icon={<DownloadOutlined />} href={summaryExport('csv')} data-testid="unit-export-csv">
                {t('dashboard.export.csv')}
              </Button>
              <Button size="small" icon={<DownloadOutlined />} href={summaryExport('xlsx')} data-testid="unit-export-xlsx">
                {t('dashboard.export.xlsx')}
              </Button>
            </Space>
          }
        >
          <Table<StatsRow>
            rowKey="key"
            size="small"
            columns={unitColumns}
            dataSource={summary?.groups ?? []}
            loading={byUnit.isLoading}
            pagination={false}
            scroll={{ x: true }}
            data-testid="dashboard-units"
          />
        </Card>
      )}

      {!wall && <MonthlyReport />}

      <DrillDrawer drill={drill} onClose={() => setDrill(null)} renderTickets={renderTickets} />
    </Space>
  );

  if (!wall) return content;
  return (
    <div
      style={{ position: 'fixed', inset: 0, zIndex: 900, overflow: 'auto', background: '#f0f2f5', padding: 24, fontSize: 14 * scale }}
      data-testid="dashboard-wall-screen"
    >
      {content}
    </div>
  );
}

/** The monthly report of one unit, as an XLSX download. */
function MonthlyReport() {
  const { t, lang } = useI18n();
  const [unit, setUnit] = useState<string>();
  const [month, setMonth] = useState(() => lastWholeMonth(today()));
  return (
    <Card title={t('dashboard.report.title')} variant="borderless" size="small">
      <Space wrap>
        <span>{t('dashboard.report.unit')}</span>
        <div style={{ minWidth: 220 }}>
          <UnitSelect value={unit} onChange={setUnit} placeholder={t('dashboard.report.pickUnit')} testId="report-unit" />
        </div>
        <span>{t('dashboard.report.month')}</span>
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          data-testid="report-month"
        />
        <Button
          type="primary"
          icon={<DownloadOutlined />}
          disabled={!unit}
          href={unit ? exportHref('monthly-report', { unit, month, lang }) : undefined}
          data-testid="report-download"
        >
          {t('dashboard.report.download')}
        </Button>
      </Space>
    </Card>
  );
}
