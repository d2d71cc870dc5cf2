import { describe, expect, it } from 'vitest';
import { smsParts, sortTemplates } from './sms-parts';

describe('what a template costs', () => {
  it('counts Chinese text in UCS-2 parts of 70, then 67', () => {
    expect(smsParts('您'.repeat(70))).toBe(1);
    expect(smsParts('您'.repeat(71))).toBe(2);
    expect(smsParts('您'.repeat(135))).toBe(3);
  });
  it('counts plain Latin text in parts of 160, then 153', () => {
    expect(smsParts('a'.repeat(160))).toBe(1);
    expect(smsParts('a'.repeat(161))).toBe(2);
    expect(smsParts('price: $5')).toBe(1);
  });
  it('counts a placeholder as the ticket number it stands for, not as braces outside the alphabet', () => {
    expect(smsParts('Your complaint {number} has been accepted.')).toBe(1);
    expect(smsParts('{number}'.repeat(11))).toBe(2);
  });
  it('lists the notifications first, Chinese before English', () => {
    const sorted = sortTemplates([
      { key: 'help', language: 'en' },
      { key: 'answered', language: 'en' },
      { key: 'accepted', language: 'en' },
      { key: 'accepted', language: 'zh-CN' },
    ]);
    expect(sorted.map((t) => `${t.key}/${t.language}`)).toEqual(['accepted/zh-CN', 'accepted/en', 'answered/en', 'help/en']);
  });
});
