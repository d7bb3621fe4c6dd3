import { expect, type Page, test } from '@playwright/test';
import { demo, signIn, signOut } from './support';

/**
 * Every page is served with a Content-Security-Policy (per-request nonce on scripts, no external origins)
 * and the app still works under it: pages hydrate, product images, logos and document previews load, and
 * the browser reports no violation on any of the main pages of each role.
 */

function watchViolations(page: Page) {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** Opens a page, checks its policy header, and waits until its images and frames have loaded. */
async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  const policy = response?.headers()['content-security-policy'] ?? '';
  expect(policy, `${path} has no Content-Security-Policy`).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(policy).not.toContain('unsafe-eval');
  await page.waitForLoadState('networkidle');
}

/** Opens the page the first link matching `selector` points at. */
async function followFirst(page: Page, selector: string) {
  const href = await page.locator(selector).first().getAttribute('href');
  expect(href, `no link ${selector}`).toBeTruthy();
  await visit(page, href ?? '/');
}

test('pages send a CSP and nothing on them violates it', async ({ page }) => {
  // About twenty page loads across three sign-ins: more than one flow's budget on a shared machine.
  test.setTimeout(240_000);
  const violations = watchViolations(page);
  for (const path of ['/sign-in', '/sign-up', '/sign-in/admin']) await visit(page, path);

  await signIn(page, demo.buyer);
  for (const path of ['/buyer', '/buyer/marketplace', '/notifications', '/settings/compliance', '/settings/store']) {
    await visit(page, path);
  }
  await visit(page, '/buyer/marketplace');
  await expect(page.locator('img').first()).toBeVisible();
  await followFirst(page, 'a[href^="/buyer/products/"]');
  await followFirst(page, 'a[href^="/buyer/vendors/"]');
  // Signing out is a client-side menu: it works only if the hydration scripts ran under the policy.
  await signOut(page);

  await signIn(page, demo.vendor);
  for (const path of ['/vendor', '/vendor/products', '/vendor/products/new', '/settings/store', '/settings/team']) {
    await visit(page, path);
  }
  await visit(page, '/vendor/products');
  await followFirst(page, 'a[href^="/vendor/products/"]:not([href$="/new"])');
  await signOut(page);

  await signIn(page, demo.admin, undefined, 'admin');
  for (const path of ['/admin', '/admin/licenses', '/admin/audit', '/admin/agents']) await visit(page, path);
  await signOut(page);

  expect(violations).toEqual([]);
});
