import type { CreateTicketBody } from '../contracts/tickets.js';

// Test data with sensible defaults; a test states only what it is about.
export function makeTicketBody(overrides: Partial<CreateTicketBody> = {}): CreateTicketBody {
  return {
    customerPhone: '13800138000',
    categoryCode: '0101',
    description: '小区里手机一直没有信号，打不出电话',
    channel: 'hotline',
    location: { city: '江门', district: '蓬江区', compound: '丰乐花园' },
    ...overrides,
  };
}
