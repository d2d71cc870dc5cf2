import { describe, expect, it } from 'vitest';
import { formatRate } from './format';

describe('rates', () => {
  it('read as a percentage with at most one decimal, and as a dash with no orders', () => {
    expect(formatRate(0.9554)).toBe('95.5%');
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(0)).toBe('0%');
    expect(formatRate(null)).toBe('—');
  });
});
