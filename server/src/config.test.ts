import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration from the environment', () => {
  it('defaults to an embedded database under ./data on 127.0.0.1:8080', () => {
    const c = loadConfig({}, '/srv/closeloop');
    expect(c).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      database: { kind: 'sqlite', file: path.resolve('/srv/closeloop/data/closeloop.db') },
      demo: undefined,
      timeZone: 'Asia/Shanghai',
    });
  });

  it('takes PostgreSQL from a postgres:// URL and a file path as SQLite', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://cl@db:5432/closeloop' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://cl@db:5432/closeloop',
    });
    expect(loadConfig({ DATABASE_URL: 'var/cl.db' }, '/srv').database).toEqual({ kind: 'sqlite', file: path.resolve('/srv/var/cl.db') });
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://root@localhost/x'],
    ['CLOSELOOP_DEMO', 'maybe'],
    ['ORG_TIME_ZONE', 'Mars/Olympus'],
    ['LOG_LEVEL', 'loud'],
  ])('stops with one line naming %s when it is %s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^${name}=`));
  });

  it('reads the demo switch', () => {
    expect(loadConfig({ CLOSELOOP_DEMO: '1' }).demo).toBe(true);
    expect(loadConfig({ CLOSELOOP_DEMO: '0' }).demo).toBe(false);
  });
});
