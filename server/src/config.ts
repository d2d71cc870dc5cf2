import path from 'node:path';

export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  // undefined: decide by database (on for a new embedded database, off for PostgreSQL)
  demo: boolean | undefined;
  timeZone: string;
  logLevel: string;
  adminPassword: string | undefined;
  sessionIdleHours: number;
  slaSweepSeconds: number;
  webRoot: string;
  /** the service number customers see and reply to (SMS_SENDER) */
  smsSender: string;
  /** Asterisk FastAGI port (AGI_PORT; 4573 when set to on); undefined: no AGI server */
  agiPort: number | undefined;
  /** where the IVR routes a caller with an open complaint (IVR_DESK_QUEUE) and everyone else (IVR_GENERAL_QUEUE) */
  ivrQueues: { desk: string; general: string };
  /** the link to the operator's SMS centre (SMS_GATEWAY_URL or SMPP_URL); null: no SMS is sent */
  smsGateway: SmsGatewayConfig | null;
  /** local minutes [start, end) when notifications wait for morning (SMS_QUIET_HOURS); null: none */
  smsQuietHours: { startMinute: number; endMinute: number } | null;
}

export type SmsGatewayConfig =
  | { kind: 'simulator' }
  | { kind: 'smpp'; host: string; port: number; systemId: string; password: string; window: number }
  | { kind: 'cmpp'; host: string; port: number; spId: string; secret: string; version: '2.0' | '3.0'; serviceId: string };

export class ConfigError extends Error {}

const bad = (name: string, value: string, expected: string) =>
  new ConfigError(`${name}=${JSON.stringify(value)} is not valid: expected ${expected}`);

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^[0-9]+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw bad(name, raw, `an integer from ${min} to ${max}`);
  return Number(raw);
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw bad(name, raw, '1 or 0');
}

function database(env: NodeJS.ProcessEnv, cwd: string): DatabaseConfig {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === '') return { kind: 'sqlite', file: path.resolve(cwd, 'data', 'closeloop.db') };
  if (/^postgres(ql)?:\/\//.test(raw)) {
    try {
      new URL(raw);
    } catch {
      throw bad('DATABASE_URL', raw, 'postgres://user@host:port/database or a file path');
    }
    return { kind: 'postgres', url: raw };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) throw bad('DATABASE_URL', raw, 'postgres://… or a file path for SQLite');
  const file = raw.startsWith('sqlite:') ? raw.slice('sqlite:'.length) : raw;
  if (file === '') throw bad('DATABASE_URL', raw, 'postgres://… or a file path for SQLite');
  return { kind: 'sqlite', file: file === ':memory:' ? file : path.resolve(cwd, file) };
}

function timeZone(env: NodeJS.ProcessEnv): string {
  const raw = env.ORG_TIME_ZONE ?? 'Asia/Shanghai';
  try {
    new Intl.DateTimeFormat('en', { timeZone: raw });
  } catch {
    throw bad('ORG_TIME_ZONE', raw, 'an IANA time zone such as Asia/Shanghai');
  }
  return raw;
}

function smsSender(env: NodeJS.ProcessEnv): string {
  const raw = env.SMS_SENDER || '10086';
  if (!/^[0-9]{3,15}$/.test(raw)) throw bad('SMS_SENDER', raw, 'the service number, 3 to 15 digits');
  return raw;
}

function smsGateway(env: NodeJS.ProcessEnv): SmsGatewayConfig | null {
  const name = env.SMS_GATEWAY_URL ? 'SMS_GATEWAY_URL' : 'SMPP_URL';
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  if (raw === 'simulator') return { kind: 'simulator' };
  const expected = 'smpp://SYSTEM_ID:PASSWORD@HOST:PORT, cmpp://SP_ID:SECRET@HOST:PORT?version=3.0 or simulator';
  const shown = raw.replace(/:[^:@/]*@/, ':***@');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw bad(name, shown, expected);
  }
  const port = Number(url.port);
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  if (!url.hostname || !url.port || !user || !password) throw bad(name, shown, expected);
  if (url.protocol === 'smpp:') {
    // the SMSC's limit of unanswered submit_sm, agreed with the operator (10 unless told)
    const window = Number(url.searchParams.get('window') ?? '10');
    if (!Number.isInteger(window) || window < 1 || window > 100) throw bad(name, shown, 'smpp://…?window=1 to 100');
    return { kind: 'smpp', host: url.hostname, port, systemId: user, password, window };
  }
  if (url.protocol === 'cmpp:') {
    const version = url.searchParams.get('version') ?? '3.0';
    if (version !== '2.0' && version !== '3.0') throw bad(name, shown, 'cmpp://…?version=3.0 or version=2.0');
    if (!/^[0-9A-Za-z]{1,6}$/.test(user)) throw bad(name, shown, 'a CMPP SP_ID of at most 6 characters');
    return {
      kind: 'cmpp',
      host: url.hostname,
      port,
      spId: user,
      secret: password,
      version,
      serviceId: url.searchParams.get('service') ?? '',
    };
  }
  throw bad(name, shown, expected);
}

function quietHours(env: NodeJS.ProcessEnv): Config['smsQuietHours'] {
  const raw = env.SMS_QUIET_HOURS || '21:00-08:00';
  if (raw === 'off') return null;
  const m = /^([01][0-9]|2[0-3]):([0-5][0-9])-([01][0-9]|2[0-3]):([0-5][0-9])$/.exec(raw);
  if (!m || raw.slice(0, 5) === raw.slice(6)) throw bad('SMS_QUIET_HOURS', raw, "HH:MM-HH:MM in the organisation's time, or off");
  return { startMinute: Number(m[1]) * 60 + Number(m[2]), endMinute: Number(m[3]) * 60 + Number(m[4]) };
}

function agiPort(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env.AGI_PORT;
  if (raw === undefined || raw === '' || ['0', 'off', 'false', 'no'].includes(raw)) return undefined;
  if (['on', 'true', 'yes', '1'].includes(raw)) return 4573;
  return integer(env, 'AGI_PORT', 4573, 1, 65535);
}

function queueName(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name] || fallback;
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(raw)) throw bad(name, raw, 'a queue or skill name (letters, digits, _ . -)');
  return raw;
}

const LogLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const logLevel = env.LOG_LEVEL || 'info';
  if (!LogLevels.includes(logLevel)) throw bad('LOG_LEVEL', logLevel, LogLevels.join(' | '));
  const host = env.HOST || '127.0.0.1';
  if (!/^[A-Za-z0-9.:-]+$/.test(host)) throw bad('HOST', host, 'a host name or IP address');
  const adminPassword = env.CLOSELOOP_ADMIN_PASSWORD || undefined;
  if (adminPassword !== undefined && adminPassword.length < 8) throw bad('CLOSELOOP_ADMIN_PASSWORD', '***', 'at least 8 characters');
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host,
    database: database(env, cwd),
    demo: flag(env, 'CLOSELOOP_DEMO'),
    timeZone: timeZone(env),
    smsSender: smsSender(env),
    agiPort: agiPort(env),
    ivrQueues: { desk: queueName(env, 'IVR_DESK_QUEUE', 'complaint-desk'), general: queueName(env, 'IVR_GENERAL_QUEUE', 'general') },
    smsGateway: smsGateway(env),
    smsQuietHours: quietHours(env),
    logLevel,
    adminPassword,
    sessionIdleHours: integer(env, 'SESSION_IDLE_HOURS', 12, 1, 24 * 30),
    slaSweepSeconds: integer(env, 'SLA_SWEEP_SECONDS', 10, 1, 3600),
    webRoot: path.resolve(cwd, env.WEB_ROOT || path.join('dist', 'web')),
  };
}
