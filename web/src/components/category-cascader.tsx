import { Cascader } from 'antd';
import { useMemo } from 'react';
import type { Category } from '../../../contracts/org.js';
import { useI18n } from '../lib/i18n';

interface Option {
  value: string;
  label: string;
  children?: Option[];
}

interface Props {
  id?: string;
  categories: Category[];
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  /** a first-level category may be chosen too (a filter or a rule covering its sub-categories) */
  allowParent?: boolean;
  allowClear?: boolean;
  testId?: string;
}

/** Active categories as a tree; for a ticket only a leaf can be chosen, since work orders are routed by the leaf. */
export function CategoryCascader({ id, categories, value, onChange, placeholder, allowParent, allowClear, testId }: Props) {
  const { local } = useI18n();
  const options = useMemo(() => {
    const active = categories.filter((c) => c.isActive);
    const option = (c: Category): Option => {
      const children = active.filter((child) => child.parentCode === c.code).map(option);
      return { value: c.code, label: `${local(c.nameZh, c.nameEn)}`, ...(children.length ? { children } : {}) };
    };
    return active.filter((c) => c.parentCode === null).map(option);
  }, [categories, local]);

  const path = useMemo(() => {
    const byCode = new Map(categories.map((c) => [c.code, c]));
    const codes: string[] = [];
    for (let c = value ? byCode.get(value) : undefined; c; c = c.parentCode ? byCode.get(c.parentCode) : undefined) codes.unshift(c.code);
    return codes.length ? codes : undefined;
  }, [categories, value]);

  return (
    <Cascader<Option>
      id={id}
      options={options}
      value={path}
      onChange={(codes) => onChange?.(codes?.length ? String(codes[codes.length - 1]) : undefined)}
      placeholder={placeholder}
      showSearch={{ filter: (input, trail) => trail.some((o) => o.label.toLowerCase().includes(input.toLowerCase())) }}
      expandTrigger="hover"
      changeOnSelect={allowParent}
      allowClear={allowClear}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
