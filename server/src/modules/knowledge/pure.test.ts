import { describe, expect, it } from 'vitest';
import { scrubPersonalData } from './scrub.js';
import { describingTerms, ftsPhrase, searchTerms, snippetOf } from './search-terms.js';
import { placeholdersIn, renderTemplate } from './template-render.js';

describe('rendering a reply template', () => {
  it('fills every placeholder the ticket supplies', () => {
    const r = renderTemplate('{customerName}您好，您的工单{ticketNumber}将于{dueAt}前答复。', {
      customerName: '王先生',
      ticketNumber: 'TS20261123000001',
      dueAt: '2026-11-24 18:00',
    });
    expect(r).toEqual({ text: '王先生您好，您的工单TS20261123000001将于2026-11-24 18:00前答复。', missing: [] });
  });

  it('leaves a missing value visible and names it, once however often it is used', () => {
    const r = renderTemplate('{customerName}您好：{result}。再次感谢{customerName}。', { customerName: null, result: '  ' });
    expect(r.text).toBe('【customerName】您好：【result】。再次感谢【customerName】。');
    expect(r.missing).toEqual(['customerName', 'result']);
  });

  it('keeps unknown braces as written and lists only known placeholders', () => {
    expect(renderTemplate('费用{amount}元，工单{ticketNumber}', { ticketNumber: 'TS1' }).text).toBe('费用{amount}元，工单TS1');
    expect(placeholdersIn('{amount}{ticketNumber}{dueAt}{ticketNumber}')).toEqual(['ticketNumber', 'dueAt']);
  });
});

describe('removing personal data from a case', () => {
  it('scrubs mobile numbers in any spelling, landlines and e-mail', () => {
    expect(scrubPersonalData('客户13800138000来电，备用号码+86 139-1234-5678，座机0750-3201234，邮箱wang.li@example.com')).toBe(
      '客户[电话]来电，备用号码[电话]，座机[电话]，邮箱[邮箱]',
    );
  });

  it('scrubs ID-card and bank-card numbers whole, not as a phone number inside them', () => {
    expect(scrubPersonalData('身份证44070319850612345X，银行卡6222 0212 3456 7890 123')).toBe('身份证[证件号]，银行卡[卡号]');
    expect(scrubPersonalData('证件440703198506123456')).toBe('证件[证件号]');
  });

  it('scrubs the customer’s known name and address, and honorifics with a surname', () => {
    const known = { names: ['王小明'], addresses: ['江门市蓬江区丰乐路12号'] };
    expect(scrubPersonalData('王小明（王先生）住江门市蓬江区丰乐路12号，Mr. Smith 也投诉', known)).toBe(
      '[客户]（某先生）住[地址]，Mr X 也投诉',
    );
  });

  it('scrubs house numbers but keeps compound and product names, dates and service numbers', () => {
    expect(scrubPersonalData('丰乐花园3栋2单元501室信号差，11月3号办理的流量包，拨打10086无果')).toBe(
      '丰乐花园[门牌]信号差，11月3号办理的流量包，拨打10086无果',
    );
    expect(scrubPersonalData('阳光小区12号楼1203房')).toBe('阳光小区[门牌]');
  });
});

describe('search terms', () => {
  it('splits on spaces, deduplicates ignoring case, and quotes FTS phrases safely', () => {
    expect(searchTerms('  流量包   5G 5g roaming ')).toEqual(['流量包', '5g', 'roaming']);
    expect(ftsPhrase('say "hi" OR x')).toBe('"say ""hi"" OR x"');
  });

  it('describes a ticket by its three-character windows and words', () => {
    const terms = describingTerms('流量包扣费 data roaming');
    expect(terms).toEqual(expect.arrayContaining(['流量包', '量包扣', '包扣费', 'data', 'roaming']));
    expect(describingTerms('短信')).toEqual([]);
  });

  it('shows the text around the first match', () => {
    const body = `${'前'.repeat(100)}流量包${'后'.repeat(100)}`;
    const s = snippetOf(body, ['流量包'], 60);
    expect(s).toContain('流量包');
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
  });
});
