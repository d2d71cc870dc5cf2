import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../../test/app.js';
import { makeTicketBody } from '../../../../test/factories.js';
import { ConfigError, loadConfig } from '../../config.js';
import { callerNumber, createAgiServer, type AgiServer } from './agi-server.js';

let ctx: TestContext;
let agent: Client;
let agi: AgiServer;
let port: number;
beforeAll(async () => {
  ctx = await createTestContext();
  agent = await ctx.login('agent');
  agi = createAgiServer({ ivr: ctx.app.ivr });
  port = await agi.listen(0, '127.0.0.1');
});
afterAll(async () => {
  await agi.close();
  await ctx.close();
});

// The environment Asterisk 18 sends on a FastAGI connection (recorded from `AGI(agi://host/closeloop)`).
const environment = (callerId: string) =>
  [
    'agi_network: yes',
    'agi_network_script: closeloop',
    'agi_request: agi://127.0.0.1/closeloop',
    'agi_channel: PJSIP/trunk-00000012',
    'agi_language: zh',
    'agi_type: PJSIP',
    'agi_uniqueid: 1763863200.42',
    'agi_version: 18.20.0',
    `agi_callerid: ${callerId}`,
    'agi_calleridname: unknown',
    'agi_callingpres: 0',
    'agi_dnid: 10086',
    'agi_context: from-trunk',
    'agi_extension: 10086',
    'agi_priority: 2',
    'agi_enhanced: 0.0',
    'agi_accountcode: ',
    'agi_threadid: 140242331313920',
    '',
    '',
  ].join('\n');

/**
 * A fake Asterisk: sends the environment, answers each command with the first reply whose pattern matches, and
 * records the exchange. Replies are what Asterisk answers on a live channel ("200 result=…").
 */
function call(callerId: string, replies: [RegExp, string][]): Promise<{ command: string; reply: string }[]> {
  return new Promise((resolve, reject) => {
    const exchange: { command: string; reply: string }[] = [];
    const socket = net.connect(port, '127.0.0.1', () => socket.write(environment(callerId)));
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let i;
      while ((i = buffer.indexOf('\n')) >= 0) {
        const command = buffer.slice(0, i);
        buffer = buffer.slice(i + 1);
        const reply = replies.find(([p]) => p.test(command))?.[1] ?? '510 Invalid or unknown command';
        exchange.push({ command, reply });
        socket.write(`${reply}\n`);
      }
    });
    socket.on('end', () => {
      socket.end();
      resolve(exchange);
    });
    socket.on('error', reject);
  });
}

const commands = (x: { command: string }[]) => x.map((e) => e.command);
const live: [RegExp, string][] = [
  [/^ANSWER$/, '200 result=0'],
  [/^SET VARIABLE /, '200 result=1'],
  [/^STREAM FILE /, '200 result=0 endpos=20480'],
  [/^EXEC Playback /, '200 result=0'],
  [/^RECORD FILE /, '200 result=35 (dtmf) endpos=64000'],
];

describe('Asterisk FastAGI', () => {
  it('listens only when AGI_PORT is set, on 4573 when it just says on', () => {
    expect(loadConfig({}).agiPort).toBeUndefined();
    expect(loadConfig({ AGI_PORT: 'on' }).agiPort).toBe(4573);
    expect(loadConfig({ AGI_PORT: '4600' }).agiPort).toBe(4600);
    expect(() => loadConfig({ AGI_PORT: 'asterisk' })).toThrow(ConfigError);
  });

  it('reads the caller number as Asterisk gives it', () => {
    expect(callerNumber('+8613800138000')).toBe('13800138000');
    expect(callerNumber('008613800138000')).toBe('13800138000');
    expect(callerNumber('13800138000')).toBe('13800138000');
    expect(callerNumber('07503001234')).toBe('07503001234');
  });

  it('tells a caller with an open complaint its progress and transfers them to the complaint desk on 0', async () => {
    const t = (await agent.post('/api/v1/tickets', makeTicketBody({ customerPhone: '13766660001' }))).json();
    const exchange = await call('+8613766660001', [[/^GET DATA closeloop\/menu/, '200 result=0'], ...live]);
    expect(commands(exchange)).toEqual([
      'ANSWER',
      'SET VARIABLE CLOSELOOP_OPEN_TICKETS "1"',
      expect.stringMatching(/^SET VARIABLE CLOSELOOP_SPEECH_ZH "您有1件投诉正在处理。尾号/),
      expect.stringMatching(/^SET VARIABLE CLOSELOOP_SPEECH_EN "You have 1 open complaint\./),
      'GET DATA closeloop/menu 5000 1',
      'SET VARIABLE CLOSELOOP_QUEUE "complaint-desk"',
    ]);
    expect(t.number).toBeDefined();
    await ctx.app.selfService.settled();
    const counted = await ctx.database.db.kysely.selectFrom('customer_contacts').selectAll().where('phone', '=', '13766660001').execute();
    expect(counted.filter((c) => c.kind === 'self_service_query')).toMatchObject([{ channel: 'ivr', ticket_id: t.id }]);
  });

  it('records information on 2 and attaches the recording to the complaint', async () => {
    const t = (await agent.post('/api/v1/tickets', makeTicketBody({ customerPhone: '13766660002' }))).json();
    const exchange = await call('13766660002', [[/^GET DATA /, '200 result=2'], ...live]);
    expect(commands(exchange).slice(4)).toEqual([
      'GET DATA closeloop/menu 5000 1',
      'STREAM FILE closeloop/record-after-tone ""',
      'RECORD FILE closeloop/info-1763863200.42 wav "#" 60000 0 BEEP s=5',
      'EXEC Playback closeloop/thank-you',
    ]);
    const events = (await agent.get(`/api/v1/tickets/${t.id}/events`)).json().items;
    expect(events.at(-1)).toMatchObject({
      action: 'customer_info',
      data: { channel: 'ivr', recordingRef: 'closeloop/info-1763863200.42.wav' },
    });
  });

  it('leaves the progress for the dialplan to speak on 1', async () => {
    await agent.post('/api/v1/tickets', makeTicketBody({ customerPhone: '13766660006' }));
    const exchange = await call('13766660006', [[/^GET DATA /, '200 result=1'], ...live]);
    expect(commands(exchange).slice(4)).toEqual(['GET DATA closeloop/menu 5000 1', 'SET VARIABLE CLOSELOOP_ACTION "progress"']);
  });

  it('asks again after a timeout, then sends the caller on to the complaint desk', async () => {
    await agent.post('/api/v1/tickets', makeTicketBody({ customerPhone: '13766660003' }));
    const exchange = await call('13766660003', [[/^GET DATA /, '200 result= (timeout)'], ...live]);
    expect(commands(exchange).slice(4)).toEqual([
      'GET DATA closeloop/menu 5000 1',
      'GET DATA closeloop/menu 5000 1',
      'SET VARIABLE CLOSELOOP_QUEUE "complaint-desk"',
    ]);
  });

  it('plays the no-complaint prompt and routes to the general queue for a caller without an open complaint', async () => {
    const exchange = await call('13766660004', live);
    expect(commands(exchange)).toEqual([
      'ANSWER',
      'SET VARIABLE CLOSELOOP_OPEN_TICKETS "0"',
      'SET VARIABLE CLOSELOOP_SPEECH_ZH "您目前没有正在处理的投诉。"',
      'SET VARIABLE CLOSELOOP_SPEECH_EN "You have no open complaints at the moment."',
      'STREAM FILE closeloop/no-open-complaint ""',
      'SET VARIABLE CLOSELOOP_QUEUE "general"',
    ]);
  });

  it('stops at once when the caller hangs up', async () => {
    await agent.post('/api/v1/tickets', makeTicketBody({ customerPhone: '13766660005' }));
    const exchange = await call('13766660005', [[/^GET DATA /, '200 result=-1'], ...live]);
    expect(commands(exchange).at(-1)).toBe('GET DATA closeloop/menu 5000 1');
  });
});
