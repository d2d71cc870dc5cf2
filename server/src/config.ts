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
}

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
    logLevel,
    adminPassword,
    sessionIdleHours: integer(env, 'SESSION_IDLE_HOURS', 12, 1, 24 * 30),
    slaSweepSeconds: integer(env, 'SLA_SWEEP_SECONDS', 10, 1, 3600),
    webRoot: path.resolve(cwd, env.WEB_ROOT || path.join('dist', 'web')),
  };
}
