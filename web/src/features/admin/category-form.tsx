import { Form, Input, Select } from 'antd';
import { UnitSelect } from '../../components/unit-select';
import { useI18n } from '../../lib/i18n';
import { regulatorClasses } from '../../lib/vocabulary';

/** Fields of a category; the regulator class belongs to the first level, the unit is only set on creation. */
export function CategoryFormFields({ isEditing, code }: { isEditing: boolean; code: string | undefined }) {
  const { t } = useI18n();
  const isFirstLevel = !code || code.length <= 2;
  return (
    <>
      <Form.Item
        name="code"
        label={t('admin.categories.code')}
        extra={t('admin.categories.codeHint')}
        rules={[{ required: true, pattern: /^[0-9]{2}([0-9]{2})?$/ }]}
      >
        <Input disabled={isEditing} maxLength={4} />
      </Form.Item>
      <Form.Item name="nameZh" label={t('admin.categories.nameZh')} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="nameEn" label={t('admin.categories.nameEn')} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      {isFirstLevel && (
        <Form.Item name="regulatorClass" label={t('admin.categories.regulatorClass')} rules={[{ required: true }]}>
          <Select options={regulatorClasses.map((c) => ({ value: c, label: t(`regulatorClass.${c}`) }))} />
        </Form.Item>
      )}
      {!isEditing && (
        <Form.Item name="unitCode" label={t('admin.categories.unit')}>
          <UnitSelect allowClear />
        </Form.Item>
      )}
    </>
  );
}
