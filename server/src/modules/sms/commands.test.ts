import { describe, expect, it } from 'vitest';
import { fillTemplate, localPhone, parseCommand, type CommandName } from './commands.js';

const keywords: { command: CommandName; keyword: string }[] = [
  { command: 'progress', keyword: 'CX' },
  { command: 'progress', keyword: '查询' },
  { command: 'add_info', keyword: 'BC' },
  { command: 'add_info', keyword: '补充' },
  { command: 'file', keyword: 'TS' },
  { command: 'file', keyword: '投诉' },
];
const parse = (text: string, to = '10086') => parseCommand(text, keywords, to, '10086');

describe('understanding a customer’s message', () => {
  it('knows the commands in Chinese and English, whatever the case, width or separator', () => {
    expect(parse('CX')).toEqual({ kind: 'progress' });
    expect(parse(' cx ')).toEqual({ kind: 'progress' });
    expect(parse('查询')).toEqual({ kind: 'progress' });
    expect(parse('ＣＸ')).toEqual({ kind: 'progress' });
    expect(parse('BC 家里没有信号')).toEqual({ kind: 'add_info', text: '家里没有信号' });
    expect(parse('bc:家里没有信号')).toEqual({ kind: 'add_info', text: '家里没有信号' });
    expect(parse('补充家里没有信号')).toEqual({ kind: 'add_info', text: '家里没有信号' });
    expect(parse('补充，晚上八点以后')).toEqual({ kind: 'add_info', text: '晚上八点以后' });
    expect(parse('TS 套餐扣费不对')).toEqual({ kind: 'file', text: '套餐扣费不对' });
    expect(parse('投诉 套餐扣费不对')).toEqual({ kind: 'file', text: '套餐扣费不对' });
  });

  it('answers help for what it does not know, or a command missing its text', () => {
    expect(parse('hello')).toEqual({ kind: 'help' });
    expect(parse('BCD')).toEqual({ kind: 'help' });
    expect(parse('BC')).toEqual({ kind: 'help' });
    expect(parse('TS   ')).toEqual({ kind: 'help' });
    expect(parse('CX please')).toEqual({ kind: 'help' });
    expect(parse('6')).toEqual({ kind: 'help' });
  });

  it('takes a bare 1–5 as a survey answer, matched by the extension it was sent to', () => {
    expect(parse('5', '100861234')).toEqual({ kind: 'survey', score: 5, replyCode: '1234' });
    expect(parse('１', '100865678')).toEqual({ kind: 'survey', score: 1, replyCode: '5678' });
    expect(parse('3', '10086')).toEqual({ kind: 'survey', score: 3, replyCode: null });
  });

  it('fills templates and reads numbers with a country code', () => {
    expect(fillTemplate('工单{number}，{due}前答复{oops}', { number: 'TS1', due: '11月25日 18:00' })).toBe(
      '工单TS1，11月25日 18:00前答复{oops}',
    );
    expect(localPhone('8613800138000')).toBe('13800138000');
    expect(localPhone('+8613800138000')).toBe('13800138000');
    expect(localPhone('13800138000')).toBe('13800138000');
  });
});
