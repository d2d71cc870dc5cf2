import { Input, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../lib/i18n';

interface Props {
  onSearch(q: string | undefined): void;
  onPhone(phone: string | undefined): void;
}

const isPhone = (s: string) => /^1[3-9][0-9]{9}$/.test(s);

export function QueueFilters({ onSearch, onPhone }: Props) {
  const { t } = useI18n();
  const [phone, setPhone] = useState('');
  const phoneIsInvalid = phone !== '' && !isPhone(phone);
  return (
    <Space wrap>
      <Input.Search
        allowClear
        placeholder={t('queue.search')}
        onSearch={(q) => onSearch(q.trim() || undefined)}
        style={{ width: 260 }}
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
        style={{ width: 200 }}
        data-testid="queue-phone"
      />
    </Space>
  );
}
