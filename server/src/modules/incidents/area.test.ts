import { describe, expect, it } from 'vitest';
import { areaOf, normaliseAddress } from './area.js';

const compound = (loc: Parameters<typeof areaOf>[0]) => areaOf(loc, 'compound')?.key;

describe('address normalisation', () => {
  it('reads 红谷滩区XX小区3栋 and 红谷滩XX小区 as one compound', () => {
    expect(compound({ compound: '红谷滩区绿地小区3栋' })).toBe('南昌/红谷滩/绿地');
    expect(compound({ compound: '红谷滩绿地小区' })).toBe('南昌/红谷滩/绿地');
    expect(compound({ address: '江西省南昌市红谷滩区绿地小区 3 栋 2 单元 502 室' })).toBe('南昌/红谷滩/绿地');
    expect(compound({ city: '南昌市', district: '红谷滩区', compound: '绿地小区５栋' })).toBe('南昌/红谷滩/绿地');
  });

  it('keeps neighbouring compounds and districts apart', () => {
    expect(compound({ compound: '红谷滩区绿地小区' })).not.toBe(compound({ compound: '红谷滩区万达广场' }));
    expect(compound({ compound: '东湖区绿地小区' })).not.toBe(compound({ compound: '红谷滩区绿地小区' }));
  });

  it('reads the fields of a hotline form like the free text', () => {
    expect(compound({ city: '江门', district: '蓬江区', compound: '丰乐花园' })).toBe('江门/蓬江/丰乐花园');
    expect(compound({ city: '江门', district: '蓬江', compound: '丰乐花园小区8幢' })).toBe('江门/蓬江/丰乐花园');
    expect(compound({ address: '广东省江门市蓬江区丰乐花园二期' })).toBe('江门/蓬江/丰乐花园');
  });

  it('does not take a compound ending in 小区 for a district', () => {
    expect(normaliseAddress({ compound: '东方小区12栋' })).toMatchObject({ district: null, compound: '东方' });
    expect(normaliseAddress({ compound: '青山湖区东方小区' })).toMatchObject({ city: '南昌', district: '青山湖', compound: '东方' });
  });

  it('uses the cell id when a rule counts cells, or when no compound can be read', () => {
    expect(areaOf({ cellId: '460-00-12345-67' }, 'cell')?.key).toBe('cell:460-00-12345-67');
    expect(areaOf({ district: '红谷滩区', cellId: 'A1' }, 'compound')?.key).toBe('cell:A1');
    expect(areaOf({ district: '红谷滩区' }, 'compound')).toBeNull();
    expect(areaOf({ compound: '红谷滩区绿地小区3栋' }, 'district')?.key).toBe('南昌/红谷滩');
  });

  it('treats full-width digits and spaces like their plain forms', () => {
    expect(compound({ compound: '红谷滩区　绿地小区３栋' })).toBe('南昌/红谷滩/绿地');
  });
});
