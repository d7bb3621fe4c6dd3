import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { demo, expectAccessible, screenshots, signIn, uniqueEmail } from './support';

test.describe.configure({ mode: 'serial' });

/**
 * The demo vendor signs in once for the whole file: sign-ins are limited to five per email a minute, and these
 * tests run faster than that.
 */
const vendorState = join(tmpdir(), `pf-e2e-vendor-promos-${randomUUID()}.json`);
test.beforeAll(async ({ browser }) => {
  // Explicitly signed out: this context would otherwise take the file's storage state, not written yet.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  await signIn(await context.newPage(), demo.vendor);
  await context.storageState({ path: vendorState });
  await context.close();
});
test.afterAll(() => rmSync(vendorState, { force: true }));
test.use({ storageState: vendorState });

// Codes of this run only: the demo vendor may already hold codes from other runs or specs.
const suffix = randomUUID().slice(0, 6).toUpperCase();
const percentCode = `PCT${suffix}`;
const fixedCode = `FIX${suffix}`;
/** A last day well in the future, whatever day the suite runs. */
const lastDay = `${new Date().getUTCFullYear() + 1}-06-30`;

/** Opens a page and waits for it to settle: typing before hydration would be undone by React. */
async function open(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
}

/** Full-page shots from the top, the form's sticky save bar laid out in place so it does not cover fields. */
async function shots(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const unstick = await page.addStyleTag({
    content: '[data-testid="promo-editor-actions"] { position: static !important; }',
  });
  await screenshots(page, name);
  await unstick.evaluate((style) => (style as Element).remove());
}

const promoRow = (page: Page, code: string) => page.getByTestId('promo-row').filter({ hasText: code });
/** The row's status badge as shown at this width (phones carry it in the code cell). */
const statusOf = (row: Locator) => row.getByTestId('promo-status').filter({ visible: true });

async function openNewPromo(page: Page) {
  await open(page, '/vendor/promos/new');
  await expect(page.getByRole('heading', { name: 'New promo code', level: 1 })).toBeVisible();
}

test('the vendor reaches promo codes from the navigation and is offered to create one', async ({ page }) => {
  await open(page, '/vendor');
  await page.getByRole('navigation', { name: 'Main' }).first().getByRole('link', { name: 'Promo codes' }).click();
  await page.waitForURL('**/vendor/promos');
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('heading', { name: 'Promo codes', level: 1 })).toBeVisible();
  // A fresh demo store has none (the empty state offers the first); a store with codes shows them in the table.
  const empty = page.getByRole('heading', { name: 'No promo codes yet' });
  if (await empty.isVisible()) {
    await expect(page.getByRole('link', { name: 'Create promo code' })).toHaveCount(1);
    await expectAccessible(page);
    await screenshots(page, 'vendor-promos-empty');
  } else {
    await expect(page.getByTestId('promo-row').first()).toBeVisible();
  }
  await page.getByRole('link', { name: 'Create promo code' }).first().click();
  await page.waitForURL('**/vendor/promos/new');
  await expect(page.getByRole('heading', { name: 'New promo code', level: 1 })).toBeVisible();
});

test('the vendor creates a percent code, with bad input refused on its fields first', async ({ page }) => {
  await openNewPromo(page);
  await page.getByLabel('Code', { exact: true }).fill(percentCode.toLowerCase());
  await page.getByLabel('Percent off').fill('150');
  await page.getByLabel('Usage limit').fill('0');
  await page.getByRole('button', { name: 'Create promo code' }).click();
  await expect(page.getByText('must be at most 100 %')).toBeVisible();
  await expect(page.getByText('Please fix the highlighted fields.')).toBeVisible();
  await expect(page.getByLabel('Percent off')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Usage limit')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Percent off').fill('12.5');
  await page.getByLabel('Minimum subtotal').fill('100');
  await page.getByLabel('Usage limit').fill('50');
  await page.getByLabel('Last day').fill(lastDay);
  await expect(page.getByText('must be at most 100 %')).toHaveCount(0);
  await expectAccessible(page);
  await shots(page, 'vendor-promo-new');

  await page.getByRole('button', { name: 'Create promo code' }).click();
  await page.waitForURL('**/vendor/promos');
  await expect(page.getByText(`${percentCode} created`)).toBeVisible();
  const row = promoRow(page, percentCode);
  await expect(row).toHaveCount(1);
  // Stored upper-case, 12.5 % sent as 1250 basis points and $100 as 10000 cents, read back as typed.
  await expect(row.getByRole('link', { name: percentCode })).toBeVisible();
  await expect(row).toContainText('12.5 %');
  await expect(row).toContainText('$100.00 minimum');
  await expect(row).toContainText('0 / 50 uses');
  await expect(row).toContainText(`Until Jun 30, ${new Date().getUTCFullYear() + 1}`);
  await expect(statusOf(row)).toHaveText('Active');
});

test('the vendor creates a fixed code, and a duplicate code is refused on the code field', async ({ page }) => {
  await openNewPromo(page);
  await page.getByLabel('Code', { exact: true }).fill(fixedCode);
  await page.getByLabel('Fixed amount', { exact: true }).check();
  await page.getByLabel('Amount off').fill('5');
  await page.getByRole('button', { name: 'Create promo code' }).click();
  await page.waitForURL('**/vendor/promos');
  const row = promoRow(page, fixedCode);
  await expect(row).toContainText('$5.00 off');
  await expect(row).toContainText('No minimum');
  await expect(row).toContainText('0 uses, no limit');
  await expect(row).toContainText('No end date');
  await expect(statusOf(row)).toHaveText('Active');

  // Codes match in any case: the percent code typed lower-case again is the same code.
  await openNewPromo(page);
  await page.getByLabel('Code', { exact: true }).fill(percentCode.toLowerCase());
  await page.getByLabel('Percent off').fill('5');
  await page.getByRole('button', { name: 'Create promo code' }).click();
  await expect(page.getByText('is already used by another of your promos')).toBeVisible();
  await expect(page.getByLabel('Code', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/vendor\/promos\/new$/);
});

test('the vendor edits the fixed code: a new amount, and paused', async ({ page }) => {
  await open(page, `/vendor/promos?q=${fixedCode}`);
  await expect(page.getByTestId('promo-row')).toHaveCount(1);
  // A click anywhere on the row opens the code.
  await promoRow(page, fixedCode).getByText('$5.00 off').click();
  await page.waitForURL(/\/vendor\/promos\/[0-9a-f-]{36}$/);
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('heading', { name: fixedCode, level: 1 })).toBeVisible();
  await expect(page.getByLabel('Code', { exact: true })).toHaveAttribute('readonly', '');
  await expect(page.getByLabel('Amount off')).toHaveValue('5.00');
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  await page.getByLabel('Amount off').fill('7.50');
  await page.getByLabel('Active', { exact: true }).uncheck();
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(`${fixedCode} saved`)).toBeVisible();
  await expect(page.getByText('All changes saved')).toBeVisible();
  await expect(page.getByTestId('promo-status')).toHaveText('Paused');
  await expectAccessible(page);
  await shots(page, 'vendor-promo-edit');

  await page.getByRole('link', { name: 'Promo codes', exact: true }).first().click();
  await page.waitForURL('**/vendor/promos');
  const row = promoRow(page, fixedCode);
  await expect(row).toContainText('$7.50 off');
  await expect(statusOf(row)).toHaveText('Paused');
});

test('the vendor expires the percent code after confirming it by name, and filters by status', async ({ page }) => {
  await open(page, '/vendor/promos');
  await promoRow(page, percentCode)
    .getByRole('button', { name: `Expire ${percentCode}` })
    .click();
  const confirm = page.getByRole('dialog', { name: `Expire ${percentCode}?` });
  await expect(confirm).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'vendor-promo-expire-dialog');
  // Keeping it changes nothing.
  await confirm.getByRole('button', { name: 'Keep code' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(statusOf(promoRow(page, percentCode))).toHaveText('Active');

  await promoRow(page, percentCode)
    .getByRole('button', { name: `Expire ${percentCode}` })
    .click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: `Expire ${percentCode}` })
    .click();
  await expect(page.getByText(`${percentCode} expired`)).toBeVisible();
  const row = promoRow(page, percentCode);
  await expect(statusOf(row)).toHaveText('Expired');
  await expect(row).toContainText('Ended');
  await expect(row.getByRole('button', { name: `Expire ${percentCode}` })).toHaveCount(0);

  // The status filter lives in the URL and keeps only expired codes.
  await page.getByLabel('Status').selectOption('expired');
  await expect(page).toHaveURL(/[?&]status=expired/);
  await expect(promoRow(page, percentCode)).toHaveCount(1);
  await expect(promoRow(page, fixedCode)).toHaveCount(0);
  for (const status of await page
    .getByTestId('promo-row')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')))) {
    expect(status).toBe('expired');
  }
  await page.getByLabel('Status').selectOption('paused');
  await expect(promoRow(page, fixedCode)).toHaveCount(1);
  await expect(promoRow(page, percentCode)).toHaveCount(0);

  // Search and status together, kept over a reload.
  await page.getByLabel('Status').selectOption('');
  await page.getByLabel('Search promo codes').fill(suffix.toLowerCase());
  await expect(page).toHaveURL(new RegExp(`[?&]q=${suffix.toLowerCase()}`));
  await expect(page.getByTestId('promo-row')).toHaveCount(2);
  await page.reload();
  await page.waitForLoadState('networkidle');
  await expect(page.getByLabel('Search promo codes')).toHaveValue(suffix.toLowerCase());
  await expect(page.getByTestId('promo-row')).toHaveCount(2);
  await expect(page.getByTestId('promos-count')).toContainText('Showing 2 of');
  await expectAccessible(page);
  await screenshots(page, 'vendor-promos-table');

  await page.getByLabel('Search promo codes').fill('NO-SUCH-CODE-HERE');
  await expect(page.getByRole('heading', { name: 'No promo codes match' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(promoRow(page, percentCode)).toHaveCount(1);
});

test('a teammate with the viewer role sees the codes but cannot change them', async ({ page, browser }) => {
  // The demo owner invites a brand-new viewer; the invitation dialog shows a one-time temporary password.
  await open(page, '/settings/team');
  await page.getByRole('button', { name: 'Invite teammate' }).click();
  const dialog = page.getByRole('dialog');
  const email = uniqueEmail('promo-viewer');
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel('First name').fill('Vic');
  await dialog.getByLabel('Last name').fill('Viewer');
  await dialog.getByLabel('Role').selectOption('viewer');
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  const password = (await dialog.getByTestId('temporary-password').textContent())?.trim() ?? '';
  expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
  await dialog.getByRole('button', { name: 'Done' }).click();

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    const viewer = await context.newPage();
    await signIn(viewer, email, password);
    await viewer.waitForURL('**/invitations');
    await viewer.getByRole('button', { name: 'Accept' }).click();
    await viewer.waitForURL('**/vendor');
    await viewer.getByRole('link', { name: 'Promo codes' }).first().click();
    await viewer.waitForURL('**/vendor/promos');
    await viewer.waitForLoadState('networkidle');
    await expect(promoRow(viewer, fixedCode)).toHaveCount(1);
    await expect(viewer.getByRole('link', { name: 'Create promo code' })).toHaveCount(0);
    await expect(viewer.getByRole('button', { name: /^Expire/ })).toHaveCount(0);

    await promoRow(viewer, fixedCode).getByRole('link', { name: fixedCode }).click();
    await viewer.waitForURL(/\/vendor\/promos\/[0-9a-f-]{36}$/);
    await expect(viewer.getByText('Your role can view promo codes but not change them.')).toBeVisible();
    await expect(viewer.getByLabel('Amount off')).toBeDisabled();
    await expect(viewer.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
    await expect(viewer.getByRole('button', { name: /^Expire/ })).toHaveCount(0);
    await expectAccessible(viewer);

    const response = await viewer.goto('/vendor/promos/new');
    expect(response?.status()).toBe(403);
  } finally {
    await context.close();
  }
});

test('on a phone the bottom navigation fits, promo codes included', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, '/vendor/promos');
  const bottom = page.getByRole('navigation', { name: 'Main' }).last();
  await expect(bottom).toBeVisible();
  const promos = bottom.getByRole('link', { name: 'Promos' });
  await expect(promos).toHaveAttribute('aria-current', 'page');
  // Every entry inside the bar and its label on one line: no entry wider than its share, none clipped.
  const fits = await bottom.evaluate((nav) =>
    [...nav.querySelectorAll('a')].every(
      (link) =>
        link.scrollWidth <= link.clientWidth &&
        link.getBoundingClientRect().right <= nav.getBoundingClientRect().right + 0.5,
    ),
  );
  expect(fits).toBe(true);
  // And every label on one line: a wrapped label would have one text box per line.
  const lines = await bottom.evaluate((nav) =>
    [...nav.querySelectorAll('a')].map((link) => {
      const range = document.createRange();
      range.selectNodeContents(link);
      return new Set([...range.getClientRects()].filter((box) => box.width > 0).map((box) => Math.round(box.top))).size;
    }),
  );
  // The icon and the label: two rows of content per entry, never three.
  for (const count of lines) expect(count).toBeLessThanOrEqual(2);
  await expect(promoRow(page, percentCode)).toBeVisible();
  // The table fits too: the paused code's Expire action is on screen, not scrolled off to the right.
  const expire = await promoRow(page, fixedCode)
    .getByRole('button', { name: `Expire ${fixedCode}` })
    .boundingBox();
  expect(expire && expire.x + expire.width).toBeLessThanOrEqual(390);
  await screenshots(page, 'vendor-promos-phone');
});
