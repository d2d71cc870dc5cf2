import { Select } from 'antd';
import type { Unit } from '../../../contracts/org.js';
import { api } from '../lib/api-client';
import { useI18n } from '../lib/i18n';
import { useLoad } from '../lib/use-load';

interface Props {
  /** given by Form.Item, so the label points at the control */
  id?: string;
  value?: string | null;
  /** undefined when cleared */
  onChange?: (code: string | undefined) => void;
  /** a unit code shown with a "proposed" mark */
  proposed?: string | null;
  testId?: string;
  allowClear?: boolean;
  placeholder?: string;
}

/** Active units by name in the current language; the code is the value. */
export function UnitSelect({ id, value, onChange, proposed, testId, allowClear, placeholder }: Props) {
  const { local, t } = useI18n();
  const units = useLoad(() => api.units().then((r) => r.items), []);
  const label = (u: Unit) => `${local(u.name, u.nameEn)}${u.code === proposed ? ` (${t('form.proposed')})` : ''}`;
  return (
    <Select
      id={id}
      data-testid={testId}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear={allowClear}
      placeholder={placeholder}
      loading={units.isLoading}
      value={value ?? undefined}
      onChange={(code: string | undefined) => onChange?.(code)}
      options={(units.data ?? []).filter((u) => u.isActive).map((u) => ({ value: u.code, label: label(u) }))}
      style={{ minWidth: 220 }}
    />
  );
}
