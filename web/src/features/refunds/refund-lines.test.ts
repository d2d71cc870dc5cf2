import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../../../contracts/tickets.js';
import { translate } from '../../lib/i18n';
import { refundEventLines, refundEventName } from './refund-lines';
import { surveyEventLines, surveyEventName } from '../surveys/survey-lines';

const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('zh-CN', key, vars);
const event = (action: string, data: Record<string, unknown>): TicketEvent => ({
  id: 1,
  ticketId: 1,
  action,
  fromStatus: 'accepted',
  toStatus: 'accepted',
  actor: null,
  note: null,
  data,
  at: '2026-11-23T02:00:00.000Z',
});

describe('refund and survey steps in the timeline', () => {
  it('names them and says the amount in yuan and the score', () => {
    expect(refundEventName(event('refund.granted', {}), t)).toBe('退费');
    expect(refundEventLines(event('refund.granted', { amount: 1999, refundId: 3 }), t)).toEqual(['金额 ¥19.99']);
    expect(refundEventName(event('dispatch', {}), t)).toBeNull();
    expect(surveyEventName(event('survey', {}), t)).toBe('满意度评价');
    expect(surveyEventLines(event('survey', { score: 2, via: 'sms' }), t)).toEqual(['评分 2（短信回复）']);
    expect(surveyEventLines(event('revisit', { outcome: 'unreachable' }), t)).toEqual(['联系不上']);
  });
});
