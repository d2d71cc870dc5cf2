import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import type { Category } from '../../../contracts/org.js';
import { useI18n } from '../lib/i18n';

interface Node {
  value: string;
  title: string;
  children?: Node[];
}

interface Props {
  /** given by Form.Item, so the label points at the control */
  id?: string;
  categories: Category[];
  value?: string[];
  onChange?: (codes: string[]) => void;
  testId?: string;
}

/**
 * Category codes a person handles best, chosen from the tree. A first level covers its sub-categories, so ticking all
 * of a first level's children keeps just the first level: the server reads it the same way, and it covers new ones too.
 */
export function SkillsSelect({ id, categories, value, onChange, testId }: Props) {
  const { local, t } = useI18n();
  const tree = useMemo(() => {
    const node = (c: Category): Node => {
      const children = categories.filter((child) => child.parentCode === c.code).map(node);
      const title = `${local(c.nameZh, c.nameEn)}${c.isActive ? '' : ` (${t('common.inactive')})`}`;
      return { value: c.code, title, ...(children.length ? { children } : {}) };
    };
    return categories.filter((c) => c.parentCode === null).map(node);
  }, [categories, local, t]);

  return (
    <TreeSelect<string[]>
      id={id}
      treeData={tree}
      value={value ?? []}
      onChange={(codes) => onChange?.(codes)}
      treeCheckable
      showCheckedStrategy={TreeSelect.SHOW_PARENT}
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear
      maxTagCount={6}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
