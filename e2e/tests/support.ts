import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Demo-pass-2026';
export const demo = {
  admin: 'admin@packfinderz.test',
  agent: 'agent@packfinderz.test',
  buyer: 'buyer@packfinderz.test',
  vendor: 'vendor@packfinderz.test',
};

export const uniqueEmail = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}@example.com`;

const SIZES = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } } as const;

/** Saves the current page at desktop and phone sizes into e2e/artifacts/screenshots (CI artifact). */
export async function screenshots(page: Page, name: string) {
  const original = page.viewportSize();
  for (const [label, size] of Object.entries(SIZES)) {
    await page.setViewportSize(size);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `artifacts/screenshots/${name}-${label}.png`, fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}

/** WCAG 2.x A/AA rules (axe) on the current page; every violation is listed in the failure. */
export async function expectAccessible(page: Page) {
  // Next.js streams a dynamic page's metadata after its first bytes: axe must not look before the <title> exists.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} at ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  expect(summary, summary.join('\n')).toEqual([]);
}

export async function signIn(
  page: Page,
  email: string,
  password = DEMO_PASSWORD,
  entrance: 'store' | 'admin' = 'store',
) {
  await page.goto(entrance === 'admin' ? '/sign-in/admin' : '/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: /Account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.waitForURL('**/sign-in');
}
