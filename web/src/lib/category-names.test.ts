import { describe, expect, it } from 'vitest';
import type { Category } from '../../../contracts/org.js';
import { categoryNames } from './category-names';

const category = (code: string, nameZh: string, nameEn: string): Category => ({
  code,
  parentCode: code.length === 4 ? code.slice(0, 2) : null,
  level: code.length === 4 ? 2 : 1,
  nameZh,
  nameEn,
  regulatorClass: 'network_quality',
  unit: null,
  isActive: true,
  version: 1,
});
const categories = [category('01', '基础通信', 'Basic communication'), category('0601', '宽带断线', 'Broadband drops')];
const zh = (z: string, e: string) => z || e;
const en = (z: string, e: string) => e || z;

describe('skills by name', () => {
  it('names category codes in the current language, in order', () => {
    expect(categoryNames(['0601', '01'], categories, en)).toEqual(['Broadband drops', 'Basic communication']);
    expect(categoryNames(['01'], categories, zh)).toEqual(['基础通信']);
  });

  it('keeps the code of a category no longer listed', () => {
    expect(categoryNames(['99'], categories, en)).toEqual(['99']);
  });
});
