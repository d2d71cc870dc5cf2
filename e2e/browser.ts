import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

// What every browser test needs: chromium as the CI machine has it, a page in the default language that remembers
// the server's refusals, and signing in as a demo account.

export const PASSWORD = 'demo1234';

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync('dist/web/index.html')) throw new Error('The browser test needs the built web app: npm run build:web');
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);
export const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/closeloop-${name}.png`, fullPage: true });

/** Refused requests, kept so that a failing step can say what the server answered. */
export const refusals: string[] = [];

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('response', (res) => {
    if (res.url().includes('/api/') && res.status() >= 400 && !res.url().endsWith('/api/v1/me')) {
      void res.text().then((body) => refusals.push(`${res.status()} ${res.request().method()} ${res.url()} ${body}`));
    }
  });
  return page;
}

/** Waits for what the user should see next; if it never comes, shows what they saw instead. */
export async function expectVisible(page: Page, id: string) {
  try {
    await byTestId(page, id).waitFor();
  } catch (error) {
    await shot(page, `failed-${id}`);
    const errors = await page.locator('.ant-form-item-explain-error, .ant-alert-error').allTextContents();
    throw new Error(`${id} did not appear; form errors: ${JSON.stringify(errors)}; refused: ${JSON.stringify(refusals)}`, { cause: error });
  }
}

export async function signIn(page: Page, url: string, username: string) {
  await page.goto(`${url}/login`);
  await byTestId(page, 'login-username').fill(username);
  await byTestId(page, 'login-password').fill(PASSWORD);
  await byTestId(page, 'login-submit').click();
  await byTestId(page, 'current-user').waitFor();
}
