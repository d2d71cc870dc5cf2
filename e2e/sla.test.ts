import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../test/e2e-server.js';
import { byTestId, expectVisible, launchBrowser, newPage, shot, signIn } from './browser.js';

// Time limits in the browser: the supervisor board, and an administrator setting a policy.

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

/** A complaint filed and dispatched over the API as the signed-in user, so the board has an order to count. */
async function dispatchComplaint(page: Page) {
  const { csrfToken } = (await (await page.request.get(`${server.url}/api/v1/me`)).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const created = await page.request.post(`${server.url}/api/v1/tickets`, {
    headers: { ...headers, 'idempotency-key': crypto.randomUUID() },
    data: { customerPhone: '13800138000', categoryCode: '0101', description: '小区无信号', channel: 'hotline' },
  });
  const ticket = (await created.json()) as { id: number; version: number };
  const dispatched = await page.request.post(`${server.url}/api/v1/tickets/${ticket.id}/dispatch`, {
    headers: { ...headers, 'if-match': `"${ticket.version}"` },
    data: {},
  });
  expect(dispatched.status()).toBe(200);
}

describe('time limits in the browser', () => {
  it('the desk opens the board, sees the network centre, and follows a count to its queue', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url, 'desk');
    await dispatchComplaint(page);
    await byTestId(page, 'menu-board').click();
    await expectVisible(page, 'board-row-NET-MAINT');
    expect(await byTestId(page, 'board-row-NET-MAINT').textContent()).toContain('网络维护中心');
    const open = Number(await byTestId(page, 'board-NET-MAINT-open').textContent());
    expect(open).toBeGreaterThan(0);
    await shot(page, 'sla-e2e-board');

    await byTestId(page, 'board-NET-MAINT-open').click();
    await expectVisible(page, 'queue-all');
    expect(new URL(page.url()).searchParams.get('unit')).toBe('NET-MAINT');
    await byTestId(page, 'queue-table').locator('tbody tr[data-sla]').first().waitFor();
    const units = await byTestId(page, 'queue-table').locator('tbody tr[data-sla] td:nth-child(8)').allTextContents();
    expect(new Set(units)).toEqual(new Set(['网络维护中心']));
    await page.context().close();
  });

  it('an administrator creates an SLA policy with limits in hours and sees it listed', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url, 'admin');
    await byTestId(page, 'menu-sla-policies').click();
    await expectVisible(page, 'sla-policy-table');
    await byTestId(page, 'admin-create').click();
    await byTestId(page, 'sla-policy-name').fill('VIP 网络故障');
    await page.locator('[data-testid="sla-policy-reply"] input, input[data-testid="sla-policy-reply"]').fill('24');
    await page.locator('[data-testid="sla-policy-problem"] input, input[data-testid="sla-policy-problem"]').fill('36');
    await byTestId(page, 'admin-save').click();
    await page.locator('[data-testid="sla-policy-row-name"]', { hasText: 'VIP 网络故障' }).waitFor();
    await page.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
    const row = page.locator('[data-testid="sla-policy-table"] tbody tr', { hasText: 'VIP 网络故障' });
    expect(await row.textContent()).toContain('24小时');
    expect(await row.textContent()).toContain('36小时');
    await shot(page, 'sla-e2e-policy');
    await page.context().close();
  });
});
