import { Col, Form, Input, Row, Select } from 'antd';
import type { Category } from '../../../../contracts/org.js';
import { useI18n } from '../../lib/i18n';
import { channels, priorities } from '../../lib/vocabulary';
import { CategoryCascader } from '../../components/category-cascader';

const digitsOnly = (e: { target: { value: string } }) => e.target.value.replace(/\D/g, '').slice(0, 11);

/** What the agent types while the customer talks: number first, then what, where and how urgent. */
export function IntakeFields({ categories }: { categories: Category[] }) {
  const { t } = useI18n();
  const required = { required: true, message: t('error.validation.required') };
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="customerPhone"
            label={t('intake.phone')}
            getValueFromEvent={digitsOnly}
            rules={[required, { pattern: /^1[3-9][0-9]{9}$/, message: t('error.validation.invalid_format') }]}
          >
            <Input autoFocus inputMode="numeric" maxLength={11} placeholder={t('intake.phonePlaceholder')} data-testid="intake-phone" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="customerName" label={t('intake.customerName')}>
            <Input maxLength={50} data-testid="intake-customer-name" />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item name="channel" label={t('intake.channel')} rules={[required]}>
            <Select data-testid="intake-channel" options={channels.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item name="priority" label={t('intake.priority')} rules={[required]}>
            <Select data-testid="intake-priority" options={priorities.map((p) => ({ value: p, label: t(`priority.${p}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="categoryCode" label={t('intake.category')} rules={[required]}>
        <CategoryCascader categories={categories} placeholder={t('intake.categoryPlaceholder')} testId="intake-category" />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('intake.description')}
        rules={[required, { whitespace: true, message: t('error.validation.required') }]}
      >
        <Input.TextArea
          rows={3}
          maxLength={4000}
          showCount
          placeholder={t('intake.descriptionPlaceholder')}
          data-testid="intake-description"
        />
      </Form.Item>
      <Form.Item label={t('intake.location')} style={{ marginBottom: 8 }}>
        <Row gutter={8}>
          {(['city', 'district', 'compound', 'address', 'cellId'] as const).map((part) => (
            <Col key={part} xs={12} md={part === 'address' ? 6 : 4} flex={part === 'address' ? 'auto' : undefined}>
              <Form.Item name={['location', part]} noStyle>
                <Input
                  placeholder={t(`intake.${part}`)}
                  maxLength={part === 'address' ? 200 : 100}
                  data-testid={`intake-location-${part}`}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form.Item>
    </>
  );
}
