import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/src/app.js';
import { systemClock } from '../server/src/clock.js';
import { loadConfig } from '../server/src/config.js';
import { seedDemo } from '../server/src/demo/seed.js';
import { openTestDatabase, type TestDatabase } from '../test/database.js';
import { byTestId, expectVisible, launchBrowser, refusals, shot } from './browser.js';

// A customer on a 360 px phone: signs in with the code texted to them, files a complaint and sees it in their list.

let database: TestDatabase;
let app: Awaited<ReturnType<typeof buildApp>>;
let url: string;
let browser: Browser;

beforeAll(async () => {
  // the server of e2e-server.ts, kept here with its database so the test can read the texted code from the outbox
  database = await openTestDatabase();
  const clock = systemClock();
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', WEB_ROOT: path.resolve('dist', 'web') }), database: database.config };
  await seedDemo(database.db, clock.now());
  app = await buildApp({ config, db: database.db, clock, logger: false });
  url = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

async function textedCode(phone: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const sms = await database.db.kysely
      .selectFrom('sms_outbox')
      .select('text')
      .where('phone', '=', phone)
      .where('purpose', '=', 'otp')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (sms) return /([0-9]{6})/.exec(sms.text)![1]!;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no code was texted');
}

describe('the self-service page on a phone', () => {
  it('signs in with the texted code, files a complaint and finds it in the list', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on('response', (res) => {
      if (res.url().includes('/api/') && res.status() >= 400 && !res.url().endsWith('/api/v1/my/session'))
        void res.text().then((body) => refusals.push(`${res.status()} ${res.request().method()} ${res.url()} ${body}`));
    });
    const phone = '13912340001';

    await page.goto(`${url}/my`);
    await byTestId(page, 'my-phone').fill(phone);
    await byTestId(page, 'my-send-code').click();
    await byTestId(page, 'my-code').fill(await textedCode(phone));
    await byTestId(page, 'my-sign-in').click();

    await expectVisible(page, 'my-new');
    await shot(page, 'my-empty-list');
    await byTestId(page, 'my-new').click();
    await byTestId(page, 'my-new-description').fill('小区里晚上5G信号很差，视频经常卡');
    await byTestId(page, 'my-new-submit').click();

    await expectVisible(page, 'my-ticket');
    expect(await byTestId(page, 'my-ticket-description').textContent()).toBe('小区里晚上5G信号很差，视频经常卡');
    expect(await byTestId(page, 'my-ticket-status').textContent()).toBe('已受理，正在安排处理');
    await shot(page, 'my-ticket');

    await page.goto(`${url}/my`);
    const filed = page.locator('[data-testid^="my-ticket-TS"]');
    await filed.first().waitFor();
    expect(await filed.count()).toBe(1);
    expect(await filed.first().textContent()).toContain('综援室');
    // nothing is wider than the phone
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await shot(page, 'my-list');
    await context.close();
  });
});
