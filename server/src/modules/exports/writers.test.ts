import { describe, expect, it } from 'vitest';
import { csvChunks, csvField } from './csv.js';
import { localTimeFormatter, type Sheet } from './table.js';
import { parseCsv, sheetRows, unzip } from '../../../../test/spreadsheet.js';
import { columnName, xlsxChunks, xmlText } from './xlsx.js';

const formatTime = localTimeFormatter('Asia/Shanghai');
const collect = async (chunks: AsyncGenerator<Buffer>) => {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts);
};

describe('CSV fields', () => {
  it('quotes what needs quoting, defuses formulas and writes rates as percentages', () => {
    expect(csvField('a,b', 'text', formatTime)).toBe('"a,b"');
    expect(csvField('说"好"', 'text', formatTime)).toBe('"说""好"""');
    expect(csvField('a\r\nb', 'text', formatTime)).toBe('"a\r\nb"');
    expect(csvField('=1+1', 'text', formatTime)).toBe("'=1+1");
    expect(csvField('-cmd,x', 'text', formatTime)).toBe(`"'-cmd,x"`);
    expect(csvField('@x', 'text', formatTime)).toBe("'@x");
    expect(csvField('+86', 'text', formatTime)).toBe("'+86");
    expect(csvField(0.9567, 'percent', formatTime)).toBe('95.67%');
    expect(csvField(-3, 'number', formatTime)).toBe('-3');
    expect(csvField(null, 'percent', formatTime)).toBe('');
    expect(csvField('2026-11-22T16:30:00.000Z', 'datetime', formatTime)).toBe('2026-11-23 00:30:00');
  });

  it('starts with a BOM and ends every line with CRLF', async () => {
    const sheet: Sheet = {
      name: 'x',
      columns: [
        { header: '名称', type: 'text' },
        { header: 'n', type: 'integer' },
      ],
      rows: [[['甲', 1]], [['乙,丙', 2]]],
    };
    const text = (await collect(csvChunks(sheet, formatTime))).toString('utf8');
    expect(text).toBe('\uFEFF名称,n\r\n甲,1\r\n"乙,丙",2\r\n');
    expect(parseCsv(text.slice(1))).toEqual([
      ['名称', 'n'],
      ['甲', '1'],
      ['乙,丙', '2'],
    ]);
  });
});

describe('XLSX', () => {
  it('names columns as Excel does', () => {
    expect([0, 25, 26, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
  });

  it('escapes XML and drops characters XML cannot carry', () => {
    expect(xmlText('<a & "b">\u0001\u0007ok\t')).toBe('&lt;a &amp; &quot;b&quot;&gt;ok\t');
  });

  it('continues a sheet past the row limit in another sheet, and keeps several tables apart', async () => {
    async function* rows() {
      for (let b = 0; b < 5; b++) yield Array.from({ length: 3 }, (_, i) => [`行${b * 3 + i}`, b * 3 + i]);
    }
    const sheets: Sheet[] = [
      {
        name: '明细/清单',
        columns: [
          { header: '名', type: 'text' },
          { header: '号', type: 'integer' },
        ],
        rows: rows(),
      },
      { name: '汇总', columns: [{ header: '率', type: 'percent' }], rows: [[[0.5], [null]]] },
    ];
    const files = unzip(await collect(xlsxChunks(sheets, formatTime, new Date('2026-11-23T00:00:00Z'), 7)));
    const workbook = files.get('xl/workbook.xml')!;
    expect([...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1])).toEqual(['明细 清单', '明细 清单 2', '明细 清单 3', '汇总']);
    const parts = [1, 2, 3].map((n) => sheetRows(files.get(`xl/worksheets/sheet${n}.xml`)!));
    // 15 rows in sheets of 6 data rows below the header
    expect(parts.map((p) => p.length - 1)).toEqual([6, 6, 3]);
    expect(parts.flatMap((p) => p.slice(1).map((r) => r[0]))).toEqual(Array.from({ length: 15 }, (_, i) => `行${i}`));
    expect(parts.every((p) => p[0]![0] === '名')).toBe(true);
    expect(files.get('xl/worksheets/sheet4.xml')).toContain('<c r="A2" s="4"><v>0.5</v></c>');
    expect(files.get('[Content_Types].xml')).toContain('/xl/worksheets/sheet4.xml');
    expect(files.get('xl/_rels/workbook.xml.rels')).toContain('Id="rId4"');
  });
});
