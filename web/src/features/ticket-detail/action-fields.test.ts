import { describe, expect, it } from 'vitest';
import { toActionBody } from './action-fields';

describe('action bodies', () => {
  it('a reply sends its result and whether it solved the problem, trimmed', () => {
    expect(toActionBody('reply', { result: '  基站已修复 ', solved: true, note: '' })).toEqual({ result: '基站已修复', solved: true });
  });

  it('a take without a note sends an empty body', () => {
    expect(toActionBody('take', { note: '   ' })).toEqual({});
  });

  it('fields another action uses are not sent', () => {
    expect(toActionBody('return', { reason: '非本部门', unitCode: 'IT' })).toEqual({ reason: '非本部门' });
  });
});
