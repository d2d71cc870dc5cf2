import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Space, Tooltip, Typography } from 'antd';
import type { StatsRow } from '../../../../contracts/stats.js';
import { useI18n } from '../../lib/i18n';
import { figureValue, formatChange, formatFigure, type FigureSpec } from './figures';
import { change } from './period';

interface Props {
  spec: FigureSpec;
  row: StatsRow | undefined;
  scale: number;
  onOpen(spec: FigureSpec): void;
}

/** One figure: its name with the formula in a tooltip, its value (click: the tickets behind it), and how it moved. */
export function FigureCard({ spec, row, scale, onOpen }: Props) {
  const { t } = useI18n();
  const current = row ? figureValue(row.current, spec.key) : null;
  const isRatio = spec.format === 'ratio';
  const moves = (['previous', 'lastYear'] as const).map((c) => {
    const delta = row ? change(current, figureValue(row[c], spec.key), isRatio) : null;
    const worse = delta !== null && delta !== 0 && delta > 0 === !!spec.lowerIsBetter;
    return { c, delta, worse };
  });
  return (
    <Card size="small" variant="borderless" style={{ height: '100%' }} data-testid={`dashboard-card-${spec.key}`}>
      <Tooltip title={t(`dashboard.formula.${spec.key}`)}>
        <Typography.Text type="secondary" style={{ fontSize: 13 * scale }} data-testid={`dashboard-formula-${spec.key}`}>
          {t(`dashboard.figure.${spec.key}`)} <InfoCircleOutlined />
        </Typography.Text>
      </Tooltip>
      <div style={{ margin: `${4 * scale}px 0` }}>
        <Typography.Link
          onClick={() => onOpen(spec)}
          style={{ fontSize: 26 * scale, fontWeight: 600, lineHeight: 1.2 }}
          data-testid={`dashboard-figure-${spec.key}`}
        >
          {formatFigure(current, spec.format)}
        </Typography.Link>
      </div>
      <Space size={12} wrap style={{ fontSize: 12 * scale }}>
        {moves.map(({ c, delta, worse }) => (
          <Typography.Text
            key={c}
            type={delta === null || delta === 0 ? 'secondary' : worse ? 'danger' : 'success'}
            style={{ fontSize: 12 * scale }}
          >
            {t(c === 'previous' ? 'dashboard.compare.vsPrevious' : 'dashboard.compare.vsLastYear')} {formatChange(delta, spec.format)}
          </Typography.Text>
        ))}
      </Space>
    </Card>
  );
}
