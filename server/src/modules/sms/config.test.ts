import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';

const load = (env: Record<string, string>) => loadConfig({ LOG_LEVEL: 'silent', ...env });

describe('SMS configuration', () => {
  it('has no SMS link when nothing is set, and quiet hours from 21:00 to 08:00', () => {
    const c = load({});
    expect(c.smsGateway).toBeNull();
    expect(c.smsQuietHours).toEqual({ startMinute: 21 * 60, endMinute: 8 * 60 });
  });

  it('reads an SMPP link, also under the SMPP_URL alias', () => {
    const expected = { kind: 'smpp', host: 'smsc.example.net', port: 2775, systemId: 'closeloop', password: 's3cr:t', window: 10 };
    expect(load({ SMS_GATEWAY_URL: 'smpp://closeloop:s3cr%3At@smsc.example.net:2775' }).smsGateway).toEqual(expected);
    expect(load({ SMPP_URL: 'smpp://closeloop:s3cr%3At@smsc.example.net:2775' }).smsGateway).toEqual(expected);
  });

  it('takes the SMSC’s window from the URL', () => {
    expect(load({ SMS_GATEWAY_URL: 'smpp://a:b@h:2775?window=4' }).smsGateway).toMatchObject({ window: 4 });
  });

  it('reads a CMPP link with its version, 3.0 unless told', () => {
    expect(load({ SMS_GATEWAY_URL: 'cmpp://901234:secret@10.1.2.3:7890?version=2.0' }).smsGateway).toEqual({
      kind: 'cmpp',
      host: '10.1.2.3',
      port: 7890,
      spId: '901234',
      secret: 'secret',
      version: '2.0',
      serviceId: '',
    });
    expect(load({ SMS_GATEWAY_URL: 'cmpp://901234:secret@10.1.2.3:7890' }).smsGateway).toMatchObject({ version: '3.0' });
    expect(load({ SMS_GATEWAY_URL: 'simulator' }).smsGateway).toEqual({ kind: 'simulator' });
  });

  it.each([
    ['SMS_GATEWAY_URL', 'http://x:y@h:1'],
    ['SMS_GATEWAY_URL', 'smpp://h:2775'],
    ['SMS_GATEWAY_URL', 'cmpp://901234:secret@h:7890?version=4.0'],
    ['SMPP_URL', 'smpp://only-user@h:2775'],
    ['SMS_GATEWAY_URL', 'smpp://a:secret@h:2775?window=0'],
    ['SMS_QUIET_HOURS', '9pm-8am'],
  ])('refuses %s=%s naming the variable, never showing a password', (name, value) => {
    let err: unknown;
    try {
      load({ [name]: value });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(new RegExp(`^${name}=`));
    expect((err as Error).message).not.toContain('secret');
  });

  it('can turn quiet hours off', () => {
    expect(load({ SMS_QUIET_HOURS: 'off' }).smsQuietHours).toBeNull();
    expect(load({ SMS_QUIET_HOURS: '22:30-07:00' }).smsQuietHours).toEqual({ startMinute: 1350, endMinute: 420 });
  });
});
