import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../test/e2e-server.js';
import { byTestId, expectVisible, launchBrowser, newPage, shot, signIn } from './browser.js';

// The complaint desk's tools in the browser: a refund granted at once and one a supervisor approves; a survey
// answered by phone that opens a revisit; a sampled ticket inspected and its result appealed.

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

async function post<T>(page: Page, path: string, data: object): Promise<T> {
  const { csrfToken } = (await (await page.request.get(`${server.url}/api/v1/me`)).json()) as { csrfToken: string };
  const res = await page.request.post(`${server.url}${path}`, { headers: { 'x-csrf-token': csrfToken }, data });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return (await res.json()) as T;
}

async function refundThroughDialog(page: Page, amount: string): Promise<void> {
  await byTestId(page, 'refund-open').click();
  await expectVisible(page, 'refund-limit');
  await byTestId(page, 'refund-amount').fill(amount);
  await byTestId(page, 'refund-reason').fill('不知情定制，先行退费');
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
}

describe('refunds, surveys and inspection in the browser', () => {
  it('grants a refund within the limit, and a supervisor approves one above it', async () => {
    const agent = await newPage(browser);
    await signIn(agent, server.url, 'agent');
    const small = await post<{ id: number; number: string }>(agent, '/api/v1/tickets', {
      customerPhone: '13800138000',
      categoryCode: '0601',
      description: 'SP扣费争议：未订购的业务扣了 30 元',
      channel: 'hotline',
    });
    await agent.goto(`${server.url}/tickets/${small.number}`);
    await refundThroughDialog(agent, '30');
    await agent.locator('[data-testid^="refund-status-"]', { hasText: '已批准' }).waitFor();
    await agent.locator('.ant-timeline', { hasText: '金额 ¥30.00' }).waitFor();

    const big = await post<{ id: number; number: string }>(agent, '/api/v1/tickets', {
      customerPhone: '13800138000',
      categoryCode: '0301',
      description: '话费争议：多扣 80 元',
      channel: 'hotline',
    });
    await agent.goto(`${server.url}/tickets/${big.number}`);
    await refundThroughDialog(agent, '80');
    await agent.locator('[data-testid^="refund-status-"]', { hasText: '待审批' }).waitFor();
    await shot(agent, 'refund-pending');
    await agent.context().close();

    const desk = await newPage(browser);
    await signIn(desk, server.url, 'desk');
    await byTestId(desk, 'menu-refund-approvals').click();
    const approve = desk.locator('[data-testid^="refund-approve-"]').first();
    await approve.click();
    await desk.locator('.ant-modal-footer .ant-btn-primary').click();
    await desk.locator('.ant-empty').waitFor();
    await byTestId(desk, 'menu-refunds').click();
    await desk.locator('tr', { hasText: big.number }).locator('text=已批准').waitFor();
    expect(await byTestId(desk, 'refund-csv').getAttribute('href')).toBe('/api/v1/refunds/export');
    await shot(desk, 'refund-audit');
    await desk.context().close();
  });

  it('records a survey answered by phone, opens a revisit, and inspects and appeals a sampled ticket', async () => {
    const agent = await newPage(browser);
    await signIn(agent, server.url, 'agent');
    const t = await post<{ number: string }>(agent, '/api/v1/tickets', {
      customerPhone: '13912340001',
      categoryCode: '0101',
      description: '无信号，已现场解决',
      channel: 'hotline',
      resolveNow: { resolution: '指导客户重启手机后恢复' },
    });
    await agent.goto(`${server.url}/tickets/${t.number}`);
    await expectVisible(agent, 'survey-status');
    await byTestId(agent, 'survey-score').locator('.ant-rate-star').nth(1).click();
    await byTestId(agent, 'survey-record').click();
    await agent.locator('[data-testid="survey-status"]', { hasText: '已回复' }).waitFor();
    await byTestId(agent, 'menu-revisits').click();
    await agent.locator('tr', { hasText: t.number }).locator('[data-testid^="revisit-complete-"]').click();
    await byTestId(agent, 'revisit-note').fill('已电话沟通，客户表示理解');
    await agent.locator('.ant-modal-footer .ant-btn-primary').click();
    await agent.locator('.ant-modal').waitFor({ state: 'hidden' });

    const qa = await newPage(browser);
    await signIn(qa, server.url, 'qa');
    await byTestId(qa, 'menu-quality').click();
    await byTestId(qa, 'sample-week').fill(
      await qa.evaluate(() => {
        const d = new Date();
        const date = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
        date.setUTCDate(date.getUTCDate() + 3 - ((date.getUTCDay() + 6) % 7));
        const y = date.getUTCFullYear();
        const jan4 = new Date(Date.UTC(y, 0, 4));
        jan4.setUTCDate(jan4.getUTCDate() + 3 - ((jan4.getUTCDay() + 6) % 7));
        return `${y}-W${String(1 + Math.round((date.getTime() - jan4.getTime()) / 604_800_000)).padStart(2, '0')}`;
      }),
    );
    await byTestId(qa, 'sample-seed').fill('e2e');
    await byTestId(qa, 'sample-draw').click();
    // the unsatisfied ticket is always in the sample
    const row = qa.locator('tr', { hasText: t.number });
    await row.locator('[data-testid^="inspect-"]').click();
    for (const key of ['courtesy', 'accuracy', 'process', 'timeliness', 'record']) await byTestId(qa, `score-${key}`).fill('80');
    await qa.locator('[data-testid="score-total"]', { hasText: '80' }).waitFor();
    await qa.locator('.ant-modal-footer .ant-btn-primary').click();
    await row.locator('text=已质检').waitFor();
    await shot(qa, 'quality-queue');
    await qa.context().close();

    await byTestId(agent, 'menu-my-inspections').click();
    await agent.locator('[data-testid^="appeal-"]').first().click();
    await byTestId(agent, 'appeal-reason').fill('处理符合规范');
    await agent.locator('.ant-modal-footer .ant-btn-primary').click();
    await agent.locator('tr', { hasText: t.number }).locator('text=复议中').waitFor();
    await agent.context().close();
  });

  it('shows the administrator the refund, survey and sampling rules and the inspection forms', async () => {
    const admin = await newPage(browser);
    await signIn(admin, server.url, 'admin');
    await byTestId(admin, 'menu-desk-rules').click();
    await admin.locator('.ant-card', { hasText: '退费权限' }).locator('input').first().waitFor();
    await admin.locator('tr', { hasText: '投诉处理质检标准' }).waitFor();
    await shot(admin, 'desk-rules');
    await admin.context().close();
  });
});
