import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { describeError, translate } from './i18n';

describe('i18n', () => {
  it('fills placeholders', () => {
    expect(translate('en', 'intake.proposedUnit', { unit: 'Network maintenance' })).toBe('Proposed: Network maintenance');
  });

  it('names a known error code in the user language, else keeps the server message', () => {
    expect(describeError('zh-CN', new ApiError(409, 'ticket.invalid_transition', 'Cannot take a closed ticket'))).toBe(
      '工单当前状态不允许此操作',
    );
    expect(describeError('en', new ApiError(409, 'ticket.something_new', 'Something new happened'))).toBe('Something new happened');
  });
});
