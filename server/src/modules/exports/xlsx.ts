import { looksLikeFormula, serialOfLocal, type Column, type Row, type Sheet } from './table.js';
import { zipChunks, type ZipEntry } from './zip.js';

// The smallest workbook Excel, WPS and LibreOffice open without complaint, written as the rows arrive: inline
// strings (no shared-string table to hold), a few styles (bold header, date, percent, text that looks like a
// formula kept as text), a frozen header row. A sheet longer than Excel's 1,048,576 rows continues in another.

export const MAX_SHEET_ROWS = 1_048_576;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

// style indexes into cellXfs below
const S_HEADER = 1;
const S_DATETIME = 2;
const S_DATE = 3;
const S_PERCENT = 4;
const S_QUOTED = 5;

const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${NS}">` +
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="6">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>' +
  '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

// XML 1.0 allows tab, newline and carriage return among the control characters; anything else is dropped.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const XML_SPECIAL = /[&<>"]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export const xmlText = (s: string) => s.replace(INVALID_XML, '').replace(XML_SPECIAL, (c) => ENTITY[c]!);

export function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

function textCell(ref: string, s: string, style = 0): string {
  const st = style ? ` s="${style}"` : '';
  return `<c r="${ref}" t="inlineStr"${st}><is><t xml:space="preserve">${xmlText(s)}</t></is></c>`;
}

export function cellXml(ref: string, value: Row[number], column: Column, formatTime: (iso: string) => string): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    const st = column.type === 'percent' ? ` s="${S_PERCENT}"` : '';
    return `<c r="${ref}"${st}><v>${value}</v></c>`;
  }
  if (column.type === 'datetime') return `<c r="${ref}" s="${S_DATETIME}"><v>${serialOfLocal(formatTime(value))}</v></c>`;
  if (column.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return `<c r="${ref}" s="${S_DATE}"><v>${serialOfLocal(`${value} 00:00:00`)}</v></c>`;
  return textCell(ref, value, looksLikeFormula(value) ? S_QUOTED : 0);
}

function sheetStart(columns: Column[]): string {
  const cols = columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width ?? 14}" customWidth="1"/>`).join('');
  const header = columns.map((c, i) => textCell(`${columnName(i)}1`, c.header, S_HEADER)).join('');
  return (
    `${XML_HEAD}<worksheet xmlns="${NS}" xmlns:r="${REL_NS}">` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData><row r="1">${header}</row>`
  );
}
const SHEET_END = '</sheetData></worksheet>';

// Excel refuses sheet names over 31 characters or with []:*?/\ in them, and duplicates.
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 31 - String(n).length - 3)} (${n})`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** A workbook of the given sheets as XLSX bytes, produced as the rows are read. */
export function xlsxChunks(
  sheets: AsyncIterable<Sheet> | Iterable<Sheet>,
  formatTime: (iso: string) => string,
  at: Date,
  rowsPerSheet = MAX_SHEET_ROWS,
): AsyncGenerator<Buffer> {
  const names: string[] = [];
  const taken = new Set<string>();

  async function* entries(): AsyncGenerator<ZipEntry> {
    yield { name: 'xl/styles.xml', data: [Buffer.from(STYLES)] };
    for await (const sheet of sheets) {
      // one iterator over the rows, shared by the sheets it fills
      const iterator = (
        Symbol.asyncIterator in sheet.rows
          ? (sheet.rows as AsyncIterable<Row[]>)[Symbol.asyncIterator]()
          : (sheet.rows as Iterable<Row[]>)[Symbol.iterator]()
      ) as AsyncIterator<Row[]> | Iterator<Row[]>;
      let pending: Row[] = [];
      let done = false;
      let part = 0;
      while (part === 0 || !done || pending.length > 0) {
        part++;
        names.push(sheetName(part === 1 ? sheet.name : `${sheet.name} ${part}`, taken));
        const body = async function* (): AsyncGenerator<Buffer> {
          yield Buffer.from(sheetStart(sheet.columns));
          let r = 1;
          for (;;) {
            if (pending.length === 0) {
              if (done) break;
              const next = await iterator.next();
              if (next.done) {
                done = true;
                break;
              }
              pending = next.value;
            }
            const room = rowsPerSheet - r;
            if (room <= 0) break;
            const batch = pending.length <= room ? pending : pending.slice(0, room);
            pending = pending.length <= room ? [] : pending.slice(room);
            let xml = '';
            for (const row of batch) {
              r++;
              xml += `<row r="${r}">`;
              for (let i = 0; i < sheet.columns.length; i++) xml += cellXml(`${columnName(i)}${r}`, row[i], sheet.columns[i]!, formatTime);
              xml += '</row>';
            }
            yield Buffer.from(xml);
          }
          yield Buffer.from(SHEET_END);
        };
        yield { name: `xl/worksheets/sheet${names.length}.xml`, data: body() };
        if (done && pending.length === 0) break;
      }
    }
    if (names.length === 0) {
      names.push('Sheet1');
      yield { name: 'xl/worksheets/sheet1.xml', data: [Buffer.from(sheetStart([]) + SHEET_END)] };
    }
    const sheetsXml = names.map((n, i) => `<sheet name="${xmlText(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
    yield {
      name: 'xl/workbook.xml',
      data: [Buffer.from(`${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets>${sheetsXml}</sheets></workbook>`)],
    };
    const rels = names
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join('');
    yield {
      name: 'xl/_rels/workbook.xml.rels',
      data: [
        Buffer.from(
          `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}` +
            `<Relationship Id="rId${names.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
        ),
      ],
    };
    yield {
      name: '_rels/.rels',
      data: [
        Buffer.from(
          `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
            `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
        ),
      ],
    };
    const overrides = names
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join('');
    yield {
      name: '[Content_Types].xml',
      data: [
        Buffer.from(
          `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
            '<Default Extension="xml" ContentType="application/xml"/>' +
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
            `${overrides}</Types>`,
        ),
      ],
    };
  }
  return zipChunks(entries(), at);
}
