import { randomInt } from 'node:crypto';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { isoDaysFromNow, minimalPdf } from './fixtures';
import { gotoMarketplace, productCard } from './marketplace-flow';
import { DEMO_PASSWORD, demo, expectAccessible, screenshots, signIn, uniqueEmail } from './support';
import { createProductViaUi, uniqueProductDraft } from './vendor-catalog-flow';

test.describe.configure({ mode: 'serial' });

/**
 * Issue 13, done-means 4: a brand-new vendor signs up, uploads a license, an admin approves it, the vendor
 * subscribes through the simulated provider's checkout ("Pay now"), and a buyer in the same state finds the
 * vendor's product. Screenshots at desktop and phone sizes along the way.
 */
const vendor = { email: uniqueEmail('billing-vendor'), password: 'Prairie-wind-2026', company: 'Prairie Wind Farms' };
const licenseNumber = `OK-GRW-${randomInt(100_000, 999_999)}`;
const draft = uniqueProductDraft('E2E Prairie Billing');

async function shots(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshots(page, name);
}

async function asAdmin(browser: Browser, work: (page: Page) => Promise<void>) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signIn(page, demo.admin, DEMO_PASSWORD, 'admin');
    await work(page);
  } finally {
    await context.close();
  }
}

test('a new vendor signs up, uploads a license and lists a product: not listed yet', async ({ page }) => {
  await page.goto('/sign-up');
  await page.getByText('Vendor', { exact: true }).click();
  await page.getByLabel('Legal business name').fill(vendor.company);
  await page.getByLabel('First name').fill('Parker');
  await page.getByLabel('Last name').fill('Wind');
  await page.getByLabel('Work email').fill(vendor.email);
  await page.getByLabel('Password').fill(vendor.password);
  await page.getByLabel('Street address').fill('12 Prairie Ln');
  await page.getByLabel('City', { exact: true }).fill('Enid');
  await page.getByLabel('State', { exact: true }).selectOption('OK');
  await page.getByLabel('ZIP').fill('73701');
  await page.getByLabel(/I accept the terms/).check();
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('**/vendor');

  await page.goto('/settings/compliance');
  await page.getByLabel('License document', { exact: true }).setInputFiles({
    name: 'license.pdf',
    mimeType: 'application/pdf',
    buffer: minimalPdf('Prairie Wind license'),
  });
  await expect(page.getByTestId('uploaded-file-name')).toHaveText('license.pdf', { timeout: 30_000 });
  const form = page.getByRole('form', { name: 'Add a license' });
  await form.getByLabel('License number').fill(licenseNumber);
  await form.getByLabel('License type').selectOption('grower');
  await form.getByLabel('Issue date').fill(isoDaysFromNow(-100));
  await form.getByLabel('Expiration date').fill(isoDaysFromNow(265));
  await form.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByText(`License ${licenseNumber} submitted for review`)).toBeVisible();
  const checklist = page.getByTestId('listing-checklist');
  await expect(checklist).toContainText('Not listed yet');
  await expect(checklist.getByRole('link', { name: 'Subscribe' })).toBeVisible();

  await createProductViaUi(page, draft);
  await page.goto('/vendor');
  await expect(page.getByTestId('listing-step-license').getByRole('link', { name: 'Manage licenses' })).toBeVisible();
  await expect(page.getByTestId('listing-step-subscription').getByRole('link', { name: 'Subscribe' })).toBeVisible();
  await expectAccessible(page);
  await shots(page, 'billing-vendor-home-unlisted');
});

test('an admin approves the license', async ({ browser }) => {
  await asAdmin(browser, async (page) => {
    await page.goto('/admin/licenses');
    await page.getByPlaceholder('Search store or license number').fill(licenseNumber);
    const row = page.getByTestId('table-row').filter({ hasText: licenseNumber });
    await expect(row).toHaveCount(1);
    await row.getByText(vendor.company).click();
    await page.waitForURL(/\/admin\/licenses\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Approve license' }).click();
    await expect(page.getByTestId('license-decided').getByTestId('license-status')).toHaveText('Verified');
  });
});

test('a buyer does not see the verified but unsubscribed vendor', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, demo.buyer);
  await gotoMarketplace(page, `?${new URLSearchParams({ q: draft.title })}`);
  await expect(productCard(page, draft.title)).toHaveCount(0);
  await context.close();
});

test('the vendor subscribes through the simulated checkout and is listed', async ({ page }) => {
  await signIn(page, vendor.email, vendor.password);
  await expect(page.getByTestId('listing-step-license')).toContainText('License verified');
  await page.getByTestId('listing-step-subscription').getByRole('link', { name: 'Subscribe' }).click();
  await page.waitForURL('**/vendor/billing');
  await expect(page.getByRole('heading', { name: 'Billing', level: 1 })).toBeVisible();
  await expect(page.getByTestId('listing-badge')).toHaveText('Not listed');
  await expect(page.getByTestId('plan').first()).toContainText('$99.00 / month');
  await expectAccessible(page);
  await shots(page, 'billing-plans');

  await page
    .getByRole('button', { name: /^Subscribe to / })
    .first()
    .click();
  await page.waitForURL(/\/vendor\/billing\/checkout\/cs_sim_/);
  await expect(page.getByRole('heading', { name: `Subscribe ${vendor.company}` })).toBeVisible();
  await expect(page.getByText('Due today')).toBeVisible();
  await expectAccessible(page);
  await shots(page, 'billing-simulated-checkout');

  await page.getByRole('button', { name: 'Pay now' }).click();
  await page.waitForURL('**/vendor/billing?checkout=success');
  await expect(page.getByText('Thank you: your payment went through.')).toBeVisible();
  await expect(page.getByTestId('listing-badge')).toHaveText('Listed');
  await expect(page.getByText('Next charge')).toBeVisible();
  await expect(page.getByTestId('invoices')).toContainText('$99.00');
  await expect(page.getByTestId('invoices')).toContainText('Paid');
  await expect(page.getByRole('button', { name: 'Cancel at period end' })).toBeVisible();
  await expectAccessible(page);
  await shots(page, 'billing-subscribed');

  await page.goto('/vendor');
  await expect(page.getByTestId('listing-checklist')).toContainText('Listed in the marketplace');
});

test('a buyer in the same state finds the vendor’s product', async ({ page }) => {
  await signIn(page, demo.buyer);
  // Browse remembers the listed vendors for up to 2 s.
  await expect(async () => {
    await gotoMarketplace(page, `?${new URLSearchParams({ q: draft.title })}`);
    await expect(productCard(page, draft.title)).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(productCard(page, draft.title)).toContainText(vendor.company);
  await shots(page, 'billing-buyer-finds-product');
});

test('the admin sees the subscription in the billing stores list', async ({ browser }) => {
  await asAdmin(browser, async (page) => {
    await page.goto('/admin/billing');
    await page.getByLabel('Search stores').fill(vendor.company);
    const row = page.getByTestId('billing-stores').getByRole('row').filter({ hasText: vendor.company });
    await expect(row).toContainText('Active');
    await expect(row).toContainText('Listed');
    await expectAccessible(page);
    await shots(page, 'billing-admin-stores');
  });
});
