import { describe, expect, it } from 'vitest';
import { decodeText, decodeUcs2, splitMessage } from './encoding.js';
import { quietUntil } from './quiet-hours.js';

describe('splitting texts into SMS parts', () => {
  it('sends plain Latin text in the default alphabet: 160 in one message, 153 per part beyond', () => {
    expect(splitMessage('a'.repeat(160), 1)).toHaveLength(1);
    const parts = splitMessage('a'.repeat(161), 7);
    expect(parts.map((p) => p.payload.length)).toEqual([153, 8]);
    expect(parts.every((p) => p.dataCoding === 0)).toBe(true);
  });

  it('sends Chinese as UCS-2: 70 characters in one message, 67 per part with a concatenation header', () => {
    const one = splitMessage('您'.repeat(70), 1);
    expect(one).toHaveLength(1);
    expect(one[0]!.dataCoding).toBe(8);
    expect(one[0]!.udh).toBeNull();
    expect(one[0]!.payload).toHaveLength(140);

    const text = '您的投诉已受理'.repeat(20); // 140 characters
    const parts = splitMessage(text, 0x1ff);
    expect(parts.map((p) => p.payload.length / 2)).toEqual([67, 67, 6]);
    expect([...parts[0]!.udh!]).toEqual([0x05, 0x00, 0x03, 0xff, 3, 1]);
    expect([...parts[2]!.udh!]).toEqual([0x05, 0x00, 0x03, 0xff, 3, 3]);
    expect(parts.map((p) => decodeUcs2(p.payload)).join('')).toBe(text);
  });

  it('goes to UCS-2 for characters the default alphabet lacks, and never cuts an emoji in two', () => {
    expect(splitMessage('price $5', 1)[0]!.dataCoding).toBe(8);
    const text = 'a'.repeat(66) + '😀' + 'b'.repeat(10);
    const parts = splitMessage(text, 1);
    expect(decodeUcs2(parts[0]!.payload)).toBe('a'.repeat(66));
    expect(decodeUcs2(parts[1]!.payload).startsWith('😀')).toBe(true);
  });

  it('reads inbound texts in UCS-2, GBK or ASCII, skipping a concatenation header', () => {
    expect(decodeText(Buffer.from([0x4e, 0x2d, 0x65, 0x87]), 8, false)).toBe('中文');
    expect(decodeText(Buffer.from([0xc4, 0xe3]), 15, false)).toBe('你');
    expect(decodeText(Buffer.from([5, 0, 3, 1, 2, 1, 0x43, 0x58]), 0, true)).toBe('CX');
  });
});

describe('quiet hours', () => {
  const quiet = { startMinute: 21 * 60, endMinute: 8 * 60 };
  it('hold a notification from 21:00 until 08:00 the next morning, organisation time', () => {
    // 22:30 in Shanghai is 14:30 UTC
    expect(quietUntil(new Date('2026-11-23T14:30:00Z'), 'Asia/Shanghai', quiet)?.toISOString()).toBe('2026-11-24T00:00:00.000Z');
    // 06:00 in Shanghai: until 08:00 the same day
    expect(quietUntil(new Date('2026-11-22T22:00:00Z'), 'Asia/Shanghai', quiet)?.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(quietUntil(new Date('2026-11-23T02:00:00Z'), 'Asia/Shanghai', quiet)).toBeNull();
    expect(quietUntil(new Date('2026-11-23T13:00:00Z'), 'Asia/Shanghai', quiet)?.toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(quietUntil(new Date('2026-11-23T12:59:00Z'), 'Asia/Shanghai', quiet)).toBeNull();
  });
  it('also work as a window inside one day', () => {
    const q = { startMinute: 12 * 60, endMinute: 14 * 60 };
    expect(quietUntil(new Date('2026-11-23T12:00:00Z'), 'UTC', q)?.toISOString()).toBe('2026-11-23T14:00:00.000Z');
    expect(quietUntil(new Date('2026-11-23T14:00:00Z'), 'UTC', q)).toBeNull();
  });
});
