import { describe, expect, it } from 'vitest';
import { fromPolicy, newPolicyValues, toPolicyBody, type PolicyValues } from './policy-values';

describe('SLA policy form', () => {
  it('starts from the 48 h / 72 h limits', () => {
    expect(toPolicyBody({ ...(newPolicyValues as PolicyValues), name: '默认' })).toMatchObject({
      replyMinutes: 2880,
      problemMinutes: 4320,
      warnPercent: 75,
      answerMinutes: 4320,
      isActive: true,
    });
  });

  it('sends hours as minutes and an "any" choice as null', () => {
    const body = toPolicyBody({
      name: ' VIP 网络 ',
      categoryCode: '01',
      customerLevel: undefined,
      priority: 'urgent',
      replyHours: 0.5,
      problemHours: 1,
      warnPercent: 50,
      answerHours: 2,
      isActive: false,
    });
    expect(body).toEqual({
      name: 'VIP 网络',
      categoryCode: '01',
      customerLevel: null,
      priority: 'urgent',
      replyMinutes: 30,
      problemMinutes: 60,
      warnPercent: 50,
      answerMinutes: 120,
      isActive: false,
    });
  });

  it('a short test policy of two minutes survives a round trip', () => {
    const policy = {
      id: 1,
      name: 'test',
      categoryCode: null,
      customerLevel: null,
      priority: null,
      replyMinutes: 2,
      problemMinutes: 3,
      warnPercent: 50,
      answerMinutes: 5,
      isActive: true,
      version: 1,
    };
    expect(toPolicyBody(fromPolicy(policy))).toMatchObject({ replyMinutes: 2, problemMinutes: 3, answerMinutes: 5 });
  });
});
