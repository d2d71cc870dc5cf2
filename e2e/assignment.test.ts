import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../test/e2e-server.js';
import { byTestId, expectVisible, launchBrowser, newPage, shot, signIn } from './browser.js';

// Who works an order, in the browser: a supervisor's view of people, a unit switched to pushing orders, and an
// order that arrives with a named assignee.

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

/** A complaint filed and dispatched over the API as the signed-in user; its number. */
async function dispatchComplaint(page: Page): Promise<string> {
  const { csrfToken } = (await (await page.request.get(`${server.url}/api/v1/me`)).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const created = await page.request.post(`${server.url}/api/v1/tickets`, {
    headers: { ...headers, 'idempotency-key': crypto.randomUUID() },
    data: { customerPhone: '13800138000', categoryCode: '0101', description: '小区无信号', channel: 'hotline' },
  });
  const ticket = (await created.json()) as { id: number; number: string; version: number };
  const dispatched = await page.request.post(`${server.url}/api/v1/tickets/${ticket.id}/dispatch`, {
    headers: { ...headers, 'if-match': `"${ticket.version}"` },
    data: {},
  });
  expect(dispatched.status()).toBe(200);
  return ticket.number;
}

describe('assignment in the browser', () => {
  it('the desk follows the board to the network centre’s workload and sees 王强 there; presence switches', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url, 'desk');
    // the board lists the units holding open orders
    await dispatchComplaint(page);
    await byTestId(page, 'menu-board').click();
    await byTestId(page, 'board-NET-MAINT-workload').click();
    await expectVisible(page, 'workload-table');
    expect(new URL(page.url()).searchParams.get('unit')).toBe('NET-MAINT');
    const row = byTestId(page, 'workload-table').locator('tbody tr[data-presence]', { hasText: '王强' });
    await row.waitFor();
    expect(await row.textContent()).toContain('在线');
    expect(await byTestId(page, 'workload-mode').getAttribute('data-mode')).toBe('pull');
    await shot(page, 'assign-e2e-workload');

    await byTestId(page, 'presence-away').click();
    await page.locator('[data-testid="presence-switch"][data-presence="away"]').waitFor();
    await byTestId(page, 'presence-online').click();
    await page.locator('[data-testid="presence-switch"][data-presence="online"]').waitFor();
    await page.context().close();
  });

  it('an administrator pushes the network centre’s orders to the least loaded; the next complaint arrives assigned', async () => {
    const admin = await newPage(browser);
    await signIn(admin, server.url, 'admin');
    await admin.goto(`${server.url}/admin/units`);
    await byTestId(admin, 'unit-edit-NET-MAINT').click();
    await byTestId(admin, 'unit-assignment-mode').click();
    await byTestId(admin, 'unit-assignment-mode-least_open').click();
    await byTestId(admin, 'admin-save').click();
    await admin.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
    await expect.poll(() => byTestId(admin, 'unit-assignment-NET-MAINT').textContent()).toContain('在办最少优先');
    await shot(admin, 'assign-e2e-units');
    await admin.context().close();

    const desk = await newPage(browser);
    await signIn(desk, server.url, 'desk');
    const number = await dispatchComplaint(desk);
    await desk.goto(`${server.url}/tickets/${number}`);
    await expectVisible(desk, 'ticket-waiting-for');
    expect(await byTestId(desk, 'ticket-waiting-for').textContent()).toContain('王强');
    expect(await byTestId(desk, 'ticket-handling-user').textContent()).toBe('王强');
    expect(await byTestId(desk, 'ticket-timeline').textContent()).toContain('分派给：王强');
    await byTestId(desk, 'action-reassign').click();
    await expectVisible(desk, 'assign-form');
    expect(await byTestId(desk, 'assign-form').textContent()).toContain('当前处理人');
    await shot(desk, 'assign-e2e-ticket');
    await desk.context().close();
  });
});
