import { describe, expect, it } from 'vitest';
import { fenToYuan, yuanToFen } from './money';

describe('refund amounts', () => {
  it('turns typed yuan into integer fen without floating-point error', () => {
    expect(yuanToFen('12.3')).toBe(1230);
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen('19.99')).toBe(1999);
    expect(yuanToFen(' 50 ')).toBe(5000);
    expect(yuanToFen('1.005')).toBeNull();
    expect(yuanToFen('-3')).toBeNull();
    expect(yuanToFen('abc')).toBeNull();
  });
  it('shows fen as yuan with two decimals', () => {
    expect(fenToYuan(1999)).toBe('19.99');
    expect(fenToYuan(7)).toBe('0.07');
    expect(fenToYuan(5000)).toBe('50.00');
  });
});
