import { CheckCircleOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Typography } from 'antd';
import type { Category } from '../../../../contracts/org.js';
import { UnitSelect } from '../../components/unit-select';
import { useI18n } from '../../lib/i18n';
import type { IntakeMode } from './intake-values';

interface Props {
  category: Category | undefined;
  isBusy: boolean;
  onSubmit(mode: IntakeMode): void;
}

/** The two ways a call ends: solved on the spot (interception) or a work order sent to a unit. */
export function SubmitPanel({ category, isBusy, onSubmit }: Props) {
  const { t, local } = useI18n();
  const proposed = category?.unit ?? null;
  const submitOnCtrlEnter = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) onSubmit('resolve');
  };
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Card size="small" title={t('intake.solvedNow')} style={{ height: '100%' }}>
          <Form.Item name="resolution" style={{ marginBottom: 12 }}>
            <Input.TextArea
              rows={2}
              maxLength={4000}
              placeholder={t('intake.resolutionPlaceholder')}
              onKeyDown={submitOnCtrlEnter}
              data-testid="intake-resolution"
            />
          </Form.Item>
          <Button icon={<CheckCircleOutlined />} onClick={() => onSubmit('resolve')} loading={isBusy} data-testid="intake-submit-resolve">
            {t('intake.solvedNow')}
          </Button>
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card size="small" title={t('intake.dispatch')} style={{ height: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="intake-proposed-unit">
            {proposed && t('intake.proposedUnit', { unit: local(proposed.name, proposed.nameEn) })}
            {category && !proposed && t('intake.noProposedUnit')}
          </Typography.Paragraph>
          <Form.Item name="unitCode" label={t('intake.dispatchUnit')} style={{ marginBottom: 12 }}>
            <UnitSelect proposed={proposed?.code} testId="intake-unit" />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={isBusy} data-testid="intake-submit-dispatch">
            {t('intake.dispatch')}
          </Button>
        </Card>
      </Col>
    </Row>
  );
}
