import { describe, expect, it } from 'vitest';
import { translate } from '../../lib/i18n';
import { assignmentSummary, toAssignmentBody } from './assignment-values';

const en = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('en', key, vars);
const zh = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('zh-CN', key, vars);

describe('a unit’s assignment settings', () => {
  it('a blank cap means no cap', () => {
    expect(toAssignmentBody({ assignmentMode: 'least_open', maxOpenPerPerson: null, takeTimeoutMinutes: 15 })).toEqual({
      assignmentMode: 'least_open',
      maxOpenPerPerson: null,
      takeTimeoutMinutes: 15,
    });
    expect(toAssignmentBody({ assignmentMode: 'skill', takeTimeoutMinutes: 30 }).maxOpenPerPerson).toBeNull();
    expect(toAssignmentBody({ assignmentMode: 'round_robin', maxOpenPerPerson: 5, takeTimeoutMinutes: 30 }).maxOpenPerPerson).toBe(5);
  });

  it('a blank time to take keeps the unit’s', () => {
    expect(toAssignmentBody({ assignmentMode: 'pull', takeTimeoutMinutes: null })).toEqual({
      assignmentMode: 'pull',
      maxOpenPerPerson: null,
    });
  });

  it('reads in one line: the mode, and for pushed orders the cap and the time to take', () => {
    expect(assignmentSummary({ assignmentMode: 'pull', maxOpenPerPerson: null, takeTimeoutMinutes: 30 }, en)).toBe('Pull');
    expect(assignmentSummary({ assignmentMode: 'least_open', maxOpenPerPerson: null, takeTimeoutMinutes: 30 }, en)).toBe(
      'Least open first · No cap · 30 min',
    );
    expect(assignmentSummary({ assignmentMode: 'round_robin', maxOpenPerPerson: 5, takeTimeoutMinutes: 20 }, zh)).toBe(
      '轮流分派 · 上限 5 · 20 分钟',
    );
  });
});
