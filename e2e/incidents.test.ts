import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../test/e2e-server.js';
import { byTestId, expectVisible, launchBrowser, newPage, shot, signIn } from './browser.js';

// Group complaints and repeats in the browser: the desk watches a warning grow live and resolves it for everyone;
// the agent is told a caller repeats an open complaint and records the call on it instead of filing a new one.

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

/** A complaint filed over the API as the signed-in user. */
async function complain(page: Page, phone: string, compound: string) {
  const { csrfToken } = (await (await page.request.get(`${server.url}/api/v1/me`)).json()) as { csrfToken: string };
  const res = await page.request.post(`${server.url}/api/v1/tickets`, {
    headers: { 'x-csrf-token': csrfToken },
    data: {
      customerPhone: phone,
      categoryCode: '0101',
      description: '家里没有信号',
      channel: 'hotline',
      location: { city: '南昌', compound },
    },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: number; number: string; incidentId: number | null };
}

describe('group complaints in the browser', () => {
  it('the desk sees the warning, watches its count rise live, confirms, dispatches and resolves it', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url, 'desk');
    let last = { id: 0, number: '', incidentId: null as number | null };
    for (let i = 0; i < 5; i++) last = await complain(page, `1360000100${i}`, '红谷滩区绿地小区3栋');
    const id = last.incidentId!;
    expect(id).not.toBeNull();

    await byTestId(page, 'menu-incidents').click();
    await expectVisible(page, `incident-count-${id}`);
    expect(await byTestId(page, `incident-count-${id}`).textContent()).toBe('5');
    await complain(page, '13600001009', '红谷滩绿地小区');
    await expect.poll(() => byTestId(page, `incident-count-${id}`).textContent(), { timeout: 10_000 }).toBe('6');

    await page.click(`a[href="/incidents/${id}"]`);
    await expectVisible(page, 'incident-confirm');
    await byTestId(page, 'incident-confirm').click();
    await expect.poll(() => byTestId(page, 'incident-status').textContent(), { timeout: 10_000 }).toBe('已确认');
    await byTestId(page, 'incident-dispatch').click();
    await page.click('.ant-modal-footer .ant-btn-primary');
    // the dialog stays until the dispatch is answered; the next button is usable only then
    await page.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
    await expectVisible(page, 'incident-resolve');
    await byTestId(page, 'incident-resolve').click();
    await byTestId(page, 'incident-result').fill('室内分布系统故障已修复');
    await page.click('.ant-modal-footer .ant-btn-primary');
    await expect.poll(() => byTestId(page, 'incident-status').textContent(), { timeout: 10_000 }).toBe('已解决');
    expect(await byTestId(page, 'incident-detail').textContent()).toContain('室内分布系统故障已修复');
    await shot(page, 'incidents-e2e-resolved');
  });

  it('the agent sees that a caller repeats an open complaint and records the call on it', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url, 'agent');
    const open = await complain(page, '13700009999', '某某花园');
    await byTestId(page, 'menu-new-ticket').click();
    await byTestId(page, 'intake-phone').fill('13700009999');
    await expectVisible(page, 'repeat-check');
    expect(await byTestId(page, 'repeat-check').textContent()).toContain(open.number);
    await byTestId(page, `repeat-attach-${open.number}`).click();
    await page.locator('.ant-message-success').waitFor();
    const events = (await (await page.request.get(`${server.url}/api/v1/tickets/${open.id}/events`)).json()) as {
      items: { action: string; data: { repeatCall?: boolean } }[];
    };
    expect(events.items.some((e) => e.action === 'note' && e.data.repeatCall)).toBe(true);

    // filed anyway, the new ticket says which one it repeats
    const repeat = await complain(page, '13700009999', '某某花园');
    await page.goto(`${server.url}/tickets/${repeat.number}`);
    await expectVisible(page, 'repeat-flag');
    expect(await byTestId(page, 'ticket-patterns').textContent()).toContain(open.number);
    await shot(page, 'incidents-e2e-repeat');
  });
});
