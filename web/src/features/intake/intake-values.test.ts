import { describe, expect, it } from 'vitest';
import { toCreateBody, type IntakeValues } from './intake-values';

const values: IntakeValues = {
  customerPhone: '13800138000',
  categoryCode: '0101',
  channel: 'hotline',
  priority: 'normal',
  description: ' 家里没有信号 ',
  location: { city: '江门', district: '', compound: ' ' },
  resolution: '已重置网络',
  unitCode: 'NET-MAINT',
};

describe('the create request', () => {
  it('leaves out empty location parts and the resolution when dispatching', () => {
    expect(toCreateBody(values, 'dispatch')).toEqual({
      customerPhone: '13800138000',
      categoryCode: '0101',
      channel: 'hotline',
      priority: 'normal',
      description: '家里没有信号',
      location: { city: '江门' },
    });
  });

  it('carries the resolution when solved on the call', () => {
    expect(toCreateBody(values, 'resolve').resolveNow).toEqual({ resolution: '已重置网络' });
  });
});
