import { randomUUID } from 'node:crypto';
import net from 'node:net';
import type { IvrService } from './service.js';

// Asterisk FastAGI (agi://host:4573/closeloop): Asterisk connects per call, sends the agi_ environment ending with
// a blank line, then answers each command we send with "200 result=<n> [(data)]". We play prompts, hand the spoken
// sentence to the dialplan in variables (its TTS application reads them), collect a digit, record, and leave
// CLOSELOOP_QUEUE set for the dialplan's Queue() (or CLOSELOOP_ACTION=progress: speak the progress). Closing the
// connection returns the call to the dialplan.

export interface AgiLog {
  warn(o: object, msg: string): void;
}

const PROMPTS = {
  menu: 'closeloop/menu',
  noComplaint: 'closeloop/no-open-complaint',
  recordAfterTone: 'closeloop/record-after-tone',
  thanks: 'closeloop/thank-you',
};
const MENU_TRIES = 2;

/** "+86 138…", "0086138…", "86138…" → the 11-digit mobile number; anything else stays as it is */
export function callerNumber(raw: string | undefined): string {
  const digits = (raw ?? '').replace(/[^0-9]/g, '');
  const m = /^(?:0086|86)?(1[3-9][0-9]{9})$/.exec(digits);
  return m ? m[1]! : digits;
}

// Asterisk reads one line per command; quotes and line breaks inside an argument would end it early.
const quoted = (s: string) => `"${s.replace(/["\\\r\n]/g, ' ')}"`;

class Hangup extends Error {}

function lineReader(socket: net.Socket) {
  let buffer = '';
  const lines: string[] = [];
  const waiting: ((line: string | null) => void)[] = [];
  let ended = false;
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    let i;
    while ((i = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, i).replace(/\r$/, '');
      buffer = buffer.slice(i + 1);
      const w = waiting.shift();
      if (w) w(line);
      else lines.push(line);
    }
  });
  const end = () => {
    ended = true;
    waiting.splice(0).forEach((w) => w(null));
  };
  socket.on('end', end);
  socket.on('close', end);
  socket.on('error', end);
  return (): Promise<string | null> => {
    if (lines.length > 0) return Promise.resolve(lines.shift()!);
    if (ended) return Promise.resolve(null);
    return new Promise((resolve) => waiting.push(resolve));
  };
}

export async function runAgiSession(socket: net.Socket, ivr: IvrService, log?: AgiLog) {
  const readLine = lineReader(socket);
  const env: Record<string, string> = {};
  for (;;) {
    const line = await readLine();
    if (line === null) return;
    if (line === '') break;
    const m = /^(agi_[a-z_0-9]+):\s?(.*)$/.exec(line);
    if (m) env[m[1]!] = m[2]!;
  }

  // "200 result=1", "200 result= (timeout)", "200 result=-1" (hung up); GET DATA answers the digits themselves
  async function command(cmd: string): Promise<{ result: string; data: string | null }> {
    socket.write(`${cmd}\n`);
    for (;;) {
      const line = await readLine();
      if (line === null || line === 'HANGUP') throw new Hangup();
      const m = /^200 result=(-?[0-9]*)\s*(?:\((.*)\))?/.exec(line);
      if (m) {
        if (m[1] === '-1') throw new Hangup();
        return { result: m[1]!, data: m[2] ?? null };
      }
      if (/^5[0-9][0-9]/.test(line)) throw new Hangup();
      // 520-style usage text continues on more lines; anything else unexpected is skipped
    }
  }
  const setVariable = (name: string, value: string) => command(`SET VARIABLE ${name} ${quoted(value)}`);

  const phone = callerNumber(env.agi_callerid);
  try {
    await command('ANSWER');
    const caller = await ivr.caller(phone);
    await setVariable('CLOSELOOP_OPEN_TICKETS', String(caller.openTickets.length));
    await setVariable('CLOSELOOP_SPEECH_ZH', caller.speech.zh);
    await setVariable('CLOSELOOP_SPEECH_EN', caller.speech.en);
    if (caller.openTickets.length === 0) {
      await command(`STREAM FILE ${PROMPTS.noComplaint} ""`);
      await setVariable('CLOSELOOP_QUEUE', (await ivr.transfer(phone)).queue);
      return;
    }
    for (let attempt = 0; attempt < MENU_TRIES; attempt++) {
      const key = (await command(`GET DATA ${PROMPTS.menu} 5000 1`)).result;
      if (key === '1') {
        // the dialplan speaks CLOSELOOP_SPEECH_* with its TTS application when the script returns
        await setVariable('CLOSELOOP_ACTION', 'progress');
        return;
      }
      if (key === '2') {
        const file = `closeloop/info-${(env.agi_uniqueid ?? randomUUID()).replace(/[^A-Za-z0-9.-]/g, '')}`;
        await command(`STREAM FILE ${PROMPTS.recordAfterTone} ""`);
        await command(`RECORD FILE ${file} wav "#" 60000 0 BEEP s=5`);
        await ivr.leaveRecording(phone, `${file}.wav`);
        await command(`EXEC Playback ${PROMPTS.thanks}`);
        return;
      }
      if (key === '0') {
        await setVariable('CLOSELOOP_QUEUE', (await ivr.transfer(phone)).queue);
        return;
      }
    }
    await setVariable('CLOSELOOP_QUEUE', (await ivr.transfer(phone)).queue);
  } catch (err) {
    if (!(err instanceof Hangup)) log?.warn({ err: (err as Error).message }, 'AGI session failed');
  } finally {
    socket.end();
  }
}

export function createAgiServer(deps: { ivr: IvrService; log?: AgiLog }) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.setTimeout(10 * 60_000, () => socket.destroy());
    void runAgiSession(socket, deps.ivr, deps.log);
  });
  return {
    listen: (port: number, host: string) =>
      new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as net.AddressInfo).port));
      }),
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}
export type AgiServer = ReturnType<typeof createAgiServer>;
