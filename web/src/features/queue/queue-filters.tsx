import { Input, Select, Space } from 'antd';
import { useState } from 'react';
import { UnitSelect } from '../../components/unit-select';
import { useI18n } from '../../lib/i18n';
import { slaFilters, type SlaFilter } from '../../lib/vocabulary';

interface Props {
  sla: SlaFilter | undefined;
  /** shown where the queue spans units */
  unit: string | undefined | null;
  onSearch(q: string | undefined): void;
  onPhone(phone: string | undefined): void;
  onSla(sla: SlaFilter | undefined): void;
  onUnit(unit: string | undefined): void;
}

const isPhone = (s: string) => /^1[3-9][0-9]{9}$/.test(s);

export function QueueFilters({ sla, unit, onSearch, onPhone, onSla, onUnit }: Props) {
  const { t } = useI18n();
  const [phone, setPhone] = useState('');
  const phoneIsInvalid = phone !== '' && !isPhone(phone);
  return (
    <Space wrap>
      <Input.Search
        allowClear
        placeholder={t('queue.search')}
        onSearch={(q) => onSearch(q.trim() || undefined)}
        style={{ width: 240 }}
        data-testid="queue-search"
      />
      <Input.Search
        allowClear
        placeholder={t('queue.phone')}
        value={phone}
        maxLength={11}
        status={phoneIsInvalid ? 'error' : undefined}
        onChange={(e) => setPhone(e.target.value.replace(/\D/g, ''))}
        onSearch={(value) => onPhone(isPhone(value) ? value : undefined)}
        style={{ width: 190 }}
        data-testid="queue-phone"
      />
      <Select<SlaFilter>
        allowClear
        placeholder={t('sla.filterPlaceholder')}
        value={sla}
        onChange={(value) => onSla(value)}
        options={slaFilters.map((s) => ({ value: s, label: t(`sla.filter.${s}`) }))}
        style={{ width: 150 }}
        data-testid="queue-sla"
      />
      {unit !== null && (
        <UnitSelect allowClear placeholder={t('queue.unitFilter')} value={unit} onChange={(code) => onUnit(code)} testId="queue-unit" />
      )}
    </Space>
  );
}
