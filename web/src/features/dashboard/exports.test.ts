import { describe, expect, it } from 'vitest';
import { exportHref } from './exports';

describe('export links', () => {
  it('carry the filters that are set, encoded, and nothing else', () => {
    expect(
      exportHref('stats/tickets', {
        figure: 'volume',
        from: '2026-11-01',
        to: '2026-11-30',
        by: undefined,
        group: '',
        format: 'csv',
        lang: 'zh-CN',
      }),
    ).toBe('/api/v1/exports/stats/tickets?figure=volume&from=2026-11-01&to=2026-11-30&format=csv&lang=zh-CN');
    expect(exportHref('tickets', { q: '无信号 & 掉线', format: 'xlsx' })).toBe(
      '/api/v1/exports/tickets?q=%E6%97%A0%E4%BF%A1%E5%8F%B7+%26+%E6%8E%89%E7%BA%BF&format=xlsx',
    );
  });
});
