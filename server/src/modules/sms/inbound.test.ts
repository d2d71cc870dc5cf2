import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/app.js';
import type { SmsSelfService, SmsSurveyAnswers } from './inbound.js';
import { createSimulatorGateway, type SimulatorGateway } from './simulator.js';

// Self-service and surveys are other modules: here they are fakes that record what the commands asked of them.
function fakeSelfService(open: string[] = ['TS20261123000007']) {
  const calls: unknown[][] = [];
  const service: SmsSelfService = {
    async progress(phone, channel) {
      calls.push(['progress', phone, channel]);
      return {
        openTickets: open.map((number) => ({
          number,
          statusText: { zh: '处理中', en: 'in progress' },
          handlingUnit: { name: '网络部', nameEn: 'Network' },
          answerDueAt: '2026-11-25T10:00:00.000Z',
        })),
      };
    },
    async addInformation(phone, text, channel) {
      calls.push(['addInformation', phone, text, channel]);
      return open[0] ? { ticketNumber: open[0] } : null;
    },
    async file(phone, description, channel) {
      calls.push(['file', phone, description, channel]);
      return { number: 'TS20261123000099' };
    },
  };
  return { service, calls };
}

let ctx: TestContext;
let sim: SimulatorGateway;
const PHONE = '13800138000';

beforeEach(async () => {
  ctx = await createTestContext();
  sim = createSimulatorGateway({ now: () => ctx.clock.now(), autoReceipt: false });
  ctx.app.sms.useGateway(sim);
  sim.start();
});
afterEach(() => ctx.close());

async function send(text: string, to = '10086', from = PHONE) {
  await sim.inject(from, to, text);
  await ctx.app.sms.dispatch();
  return sim.sent.at(-1);
}
const contacts = () => ctx.database.db.kysely.selectFrom('customer_contacts').selectAll().where('channel', '=', 'sms').execute();

describe('SMS commands', () => {
  it('answers CX / 查询 with the progress of the customer’s open complaints, in their language', async () => {
    const fake = fakeSelfService(['TS20261123000007']);
    ctx.app.sms.useCommands({ selfService: fake.service });
    expect((await send('CX'))?.text).toBe('投诉TS20261123000007：处理中，由网络部处理，预计11月25日 18:00前答复。');
    expect(fake.calls).toEqual([['progress', PHONE, 'sms']]);
    expect(sim.sent.at(-1)).toMatchObject({ to: PHONE, from: '10086' });

    await ctx.database.db.kysely.updateTable('customers').set({ language: 'en' }).where('phone', '=', PHONE).execute();
    expect((await send('查询'))?.text).toBe('Complaint TS20261123000007: in progress, with Network; answer due 25 Nov 18:00.');
    // self-service counts progress queries itself; the command does not count them a second time
    expect(await contacts()).toHaveLength(0);
  });

  it('tells a customer without open complaints how to file one', async () => {
    ctx.app.sms.useCommands({ selfService: fakeSelfService([]).service });
    expect((await send('CX'))?.text).toBe('您目前没有处理中的投诉。回复“TS 内容”可提出新投诉。');
  });

  it('adds information with BC / 补充 to the latest open complaint and counts the contact', async () => {
    const fake = fakeSelfService(['TS20261123000007']);
    ctx.app.sms.useCommands({ selfService: fake.service });
    expect((await send('BC 晚上八点后完全没有信号'))?.text).toBe('您的补充信息已加入投诉TS20261123000007，感谢！');
    expect((await send('补充：电梯里也没有'))?.text).toContain('TS20261123000007');
    expect(fake.calls).toEqual([
      ['addInformation', PHONE, '晚上八点后完全没有信号', 'sms'],
      ['addInformation', PHONE, '电梯里也没有', 'sms'],
    ]);
    expect(await contacts()).toHaveLength(2);
    expect((await contacts())[0]).toMatchObject({ kind: 'self_service_query', phone: PHONE });
  });

  it('files a new complaint with TS / 投诉 and replies with its number', async () => {
    const fake = fakeSelfService();
    ctx.app.sms.useCommands({ selfService: fake.service });
    expect((await send('投诉 上个月流量费多扣了30元'))?.text).toBe('您的投诉已受理，工单号TS20261123000099，我们会尽快与您联系。');
    expect(fake.calls).toEqual([['file', PHONE, '上个月流量费多扣了30元', 'sms']]);
  });

  it('records a bare 1–5 as the answer to the survey sent from the extension it was sent to', async () => {
    const answers: unknown[] = [];
    const outcomes: Awaited<ReturnType<SmsSurveyAnswers['answerByReply']>>[] = ['recorded', 'already_answered', 'expired'];
    ctx.app.sms.useCommands({
      surveys: {
        answerByReply: async (r) => {
          answers.push(r);
          return outcomes.shift() ?? 'no_survey';
        },
      },
    });
    expect((await send('5', '100864321'))?.text).toBe('感谢您的评价！');
    expect(answers).toEqual([{ replyCode: '4321', phone: PHONE, score: 5 }]);
    expect((await send('4', '100864321'))?.text).toBe('您已评价过此投诉，感谢！');
    expect((await send('4', '100864321'))?.text).toBe('此次评价已截止，感谢您的关注。');
    // to the bare service number there is no survey to match: help
    expect((await send('3', '10086'))?.text).toMatch(/^回复CX/);
    expect(answers).toHaveLength(3);
  });

  it('answers anything else with help, and a customer from abroad in English', async () => {
    ctx.app.sms.useCommands({ selfService: fakeSelfService().service });
    expect((await send('你好'))?.text).toBe('回复CX查询投诉进度；回复“BC 内容”补充投诉信息；回复“TS 内容”提出新投诉。');
    expect((await send('hi', '10086', '+8613800138000'))?.to).toBe(PHONE);
  });

  it('handles a message the gateway delivered twice only once', async () => {
    const fake = fakeSelfService();
    ctx.app.sms.useCommands({ selfService: fake.service });
    await sim.inject(PHONE, '10086', 'TS 信号差', 'cmpp:00000000000000aa');
    await sim.inject(PHONE, '10086', 'TS 信号差', 'cmpp:00000000000000aa');
    await ctx.app.sms.dispatch();
    expect(fake.calls).toHaveLength(1);
    expect(sim.sent).toHaveLength(1);
  });

  it('says “try again later” when self-service fails, and keeps the message', async () => {
    ctx.app.sms.useCommands({
      selfService: { ...fakeSelfService().service, progress: () => Promise.reject(new Error('database unavailable')) },
    });
    expect((await send('CX'))?.text).toBe('抱歉，暂时无法处理您的短信，请稍后再试或拨打10086。');
    const logged = await ctx.database.db.kysely.selectFrom('sms_inbound').selectAll().executeTakeFirstOrThrow();
    expect(logged).toMatchObject({ phone: PHONE, command: 'progress', outcome: 'unavailable' });
  });
});
