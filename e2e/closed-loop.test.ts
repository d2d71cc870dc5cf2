import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../test/e2e-server.js';
import { byTestId, expectVisible, launchBrowser, newPage as openPage, shot, signIn as signInAt } from './browser.js';

// The whole loop through the real UI, in the default language (zh-CN), against the real server
// with the demo organisation: accept and dispatch, take and reply, answer and close.

const PHONE = '13800138000';

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

const newPage = () => openPage(browser);
const signIn = (page: Page, username: string) => signInAt(page, server.url, username);

async function signOut(page: Page) {
  await byTestId(page, 'logout').click();
  await byTestId(page, 'login-submit').waitFor();
}

async function act(page: Page, action: string, fields: Record<string, string> = {}, expectedStatus?: string) {
  await byTestId(page, `action-${action}`).click();
  const form = byTestId(page, `action-form-${action}`);
  await form.waitFor();
  for (const [name, value] of Object.entries(fields)) await byTestId(page, `action-field-${name}`).fill(value);
  await byTestId(page, 'action-form-submit').click();
  await form.waitFor({ state: 'detached', timeout: 5000 }).catch(async (e: unknown) => {
    await shot(page, `failed-${action}`);
    throw e;
  });
  if (expectedStatus) await page.locator(`[data-testid="ticket-status"][data-status="${expectedStatus}"]`).waitFor();
}

async function openFromQueue(page: Page, scope: 'mine' | 'unit', number: string) {
  await byTestId(page, `scope-tab-${scope}`).click();
  await byTestId(page, `queue-row-${number}`).click();
  await page.locator('[data-testid="ticket-number"]', { hasText: number }).waitFor();
}

describe('the closed loop in the browser', () => {
  it('an agent files and dispatches, the network centre takes and replies, the agent answers and closes', async () => {
    const page = await newPage();

    // the hotline agent takes the call
    await signIn(page, 'agent');
    await byTestId(page, 'menu-new-ticket').click();
    await byTestId(page, 'intake-phone').fill(PHONE);
    await byTestId(page, 'customer-panel').locator('.ant-descriptions, .ant-alert').first().waitFor();
    await byTestId(page, 'intake-category').click();
    await page.locator('.ant-cascader-menu-item', { hasText: '基础通信' }).click();
    await page.locator('.ant-cascader-menu-item', { hasText: '无信号' }).click();
    await byTestId(page, 'intake-description').fill('家中客厅和卧室均无信号，已持续三天，重启手机无效。');
    await byTestId(page, 'intake-location-city').fill('江门');
    await byTestId(page, 'intake-location-compound').fill('丰乐花园');
    await expect.poll(() => byTestId(page, 'intake-proposed-unit').textContent()).toContain('网络维护中心');
    await shot(page, '1-intake');
    await byTestId(page, 'intake-submit-dispatch').click();
    await expectVisible(page, 'intake-success');
    const number = /TS[0-9]{14,}/.exec((await byTestId(page, 'ticket-number').textContent()) ?? '')?.[0];
    expect(number).toBeDefined();
    await expect.poll(() => byTestId(page, 'intake-success').textContent()).toContain('网络维护中心');
    await shot(page, '2-dispatched');
    await signOut(page);

    // the network maintenance centre finds it in its unit's queue
    await signIn(page, 'network');
    await byTestId(page, `queue-row-${number!}`).waitFor();
    await shot(page, '3-network-queue');
    await openFromQueue(page, 'unit', number!);
    await act(page, 'take', {}, 'processing');
    await act(page, 'reply', { result: '小区基站板卡故障，已更换，信号恢复正常。' }, 'replied');
    await shot(page, '4-replied');
    await signOut(page);

    // the agent who accepted it answers the customer and closes it
    await signIn(page, 'agent');
    await openFromQueue(page, 'mine', number!);
    await act(page, 'answer', {}, 'answered');
    await act(page, 'close', {}, 'closed');
    expect(await byTestId(page, 'ticket-status').textContent()).toBe('已结单');
    expect(await byTestId(page, 'ticket-answer').textContent()).toContain('基站');
    const timeline = await byTestId(page, 'ticket-timeline')
      .locator('[data-action]')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-action')));
    expect(timeline).toEqual(expect.arrayContaining(['dispatch', 'take', 'reply', 'answer', 'close']));
    const order = ['dispatch', 'take', 'reply', 'answer', 'close'].map((a) => timeline.indexOf(a));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    await shot(page, '5-closed');
    await page.context().close();
  });

  it('the login page switches to English', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/login`);
    expect((await byTestId(page, 'login-submit').textContent())?.replace(/\s/g, '')).toBe('登录');
    await byTestId(page, 'lang-en').click();
    await expect.poll(() => byTestId(page, 'login-submit').textContent()).toBe('Sign in');
    await shot(page, '0-login-en');
    await page.context().close();
  });
});
