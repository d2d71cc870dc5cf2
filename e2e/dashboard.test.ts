import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../test/e2e-server.js';
import { byTestId, expectVisible, launchBrowser, newPage, shot, signIn } from './browser.js';

// The manager's dashboard in the browser: the month's figures, a formula in its tooltip, and a number followed to
// the tickets behind it.

let server: { url: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A complaint filed over the API by the agent, so this month has something to count. */
async function fileComplaint(page: Page, description: string): Promise<string> {
  const { csrfToken } = (await (await page.request.get(`${server.url}/api/v1/me`)).json()) as { csrfToken: string };
  const created = await page.request.post(`${server.url}/api/v1/tickets`, {
    headers: { 'x-csrf-token': csrfToken, 'idempotency-key': crypto.randomUUID() },
    data: { customerPhone: '13800138000', categoryCode: '0101', description, channel: 'hotline' },
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { number: string }).number;
}

describe('the manager’s dashboard', () => {
  it('shows the month’s volume with its formula, and opens the tickets behind it', async () => {
    const agent = await newPage(browser);
    await signIn(agent, server.url, 'agent');
    const number = await fileComplaint(agent, '看板下钻测试：小区无信号');

    const page = await newPage(browser);
    await signIn(page, server.url, 'manager');
    await byTestId(page, 'menu-dashboard').click();
    await expectVisible(page, 'dashboard-figure-volume');
    const volume = async () => Number((await byTestId(page, 'dashboard-figure-volume').textContent())?.replace(/,/g, ''));
    await expect.poll(volume, { timeout: 30_000 }).toBeGreaterThan(0);
    await expectVisible(page, 'chart-trend');
    const before = await volume();

    // live: another complaint is counted without a reload
    await fileComplaint(agent, '看板实时测试：话费有误');
    await agent.context().close();
    await expect.poll(volume, { timeout: 30_000 }).toBe(before + 1);

    await byTestId(page, 'dashboard-formula-timelyRate').hover();
    await page.locator('.ant-tooltip', { hasText: '及时率 =（全部 − 超时 − 问题工单）/ 全部派发工单' }).waitFor();
    await shot(page, 'dashboard-e2e');

    await byTestId(page, 'dashboard-figure-volume').click();
    await expectVisible(page, 'drill-drawer');
    const row = byTestId(page, `queue-row-${number}`);
    await row.waitFor();
    // the manager may not see full numbers: the drill-down masks them as the queue does
    expect(await row.textContent()).toContain('138****8000');
    const csv = await byTestId(page, 'drill-export-csv').getAttribute('href');
    expect(csv).toMatch(/^\/api\/v1\/exports\/stats\/tickets\?figure=volume&from=/);
    await shot(page, 'dashboard-e2e-drill');
    await page.keyboard.press('Escape');
    await byTestId(page, 'drill-drawer').waitFor({ state: 'hidden' });

    // the wall screen: the same figures, full screen, large type
    await byTestId(page, 'dashboard-wall').click();
    await expectVisible(page, 'dashboard-wall-screen');
    expect(new URL(page.url()).searchParams.get('wall')).toBe('1');
    const size = await page.evaluate(
      `parseFloat(getComputedStyle(document.querySelector('[data-testid="dashboard-figure-volume"]')).fontSize)`,
    );
    expect(Number(size)).toBeGreaterThan(36);
    await shot(page, 'dashboard-e2e-wall');
    await page.context().close();
  });
});
