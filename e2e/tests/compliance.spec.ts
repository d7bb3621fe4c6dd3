import { randomInt } from 'node:crypto';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { gradientPng, isoDaysFromNow, minimalPdf } from './fixtures';
import { DEMO_PASSWORD, demo, expectAccessible, screenshots, signIn, uniqueEmail } from './support';

test.describe.configure({ mode: 'serial' });

/**
 * A vendor of its own: the seeded demo vendor's licenses (and other files' activity) never change what this
 * flow sees, so statuses, the queue search and the bell count are deterministic.
 */
const vendor = { email: uniqueEmail('license-vendor'), password: 'Cedar-ridge-2026', company: 'Cedar Ridge Growers' };
const approvedNumber = `OK-GRW-${randomInt(100_000, 999_999)}`;
const rejectedNumber = `OK-PRO-${randomInt(100_000, 999_999)}`;
const REJECTION = 'The number does not match the Oklahoma registry.';
/** The bell polls every 5 s; allow a few polls on a busy machine. */
const POLL_TIMEOUT = 20_000;

/** Full-page shots taken from the top, so the sticky top bar is drawn where it belongs. */
async function shots(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshots(page, name);
}

const licenseRow = (page: Page, number: string) => page.getByTestId('license').filter({ hasText: number });

async function registerVendor(page: Page) {
  await page.goto('/sign-up');
  await page.getByText('Vendor', { exact: true }).click();
  await page.getByLabel('Legal business name').fill(vendor.company);
  await page.getByLabel('First name').fill('Riley');
  await page.getByLabel('Last name').fill('Cedar');
  await page.getByLabel('Work email').fill(vendor.email);
  await page.getByLabel('Password').fill(vendor.password);
  await page.getByLabel('Street address').fill('88 Ridge Rd');
  await page.getByLabel('City', { exact: true }).fill('Stillwater');
  await page.getByLabel('State', { exact: true }).selectOption('OK');
  await page.getByLabel('ZIP').fill('74074');
  await page.getByLabel(/I accept the terms/).check();
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('**/vendor');
}

/** Upload a PDF through the file input, wait for its stored preview, describe it and submit it. */
async function submitLicense(page: Page, number: string, fileName: string, shotName?: string) {
  await page.getByLabel('License document', { exact: true }).setInputFiles({
    name: fileName,
    mimeType: 'application/pdf',
    buffer: minimalPdf('Test license'),
  });
  await expect(page.getByTestId('uploaded-file-name')).toHaveText(fileName, { timeout: 30_000 });
  const form = page.getByRole('form', { name: 'Add a license' });
  await expect(form.getByTestId('document-preview')).toBeVisible();
  await form.getByLabel('License number').fill(number);
  await form.getByLabel('License type').selectOption('grower');
  await expect(form.getByLabel('Issuing state')).toHaveValue('OK');
  await form.getByLabel('Issue date').fill(isoDaysFromNow(-200));
  await form.getByLabel('Expiration date').fill(isoDaysFromNow(165));
  if (shotName) {
    await expectAccessible(page);
    await shots(page, shotName);
  }
  await form.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByText(`License ${number} submitted for review`)).toBeVisible();
  await expect(licenseRow(page, number).getByTestId('license-status')).toHaveAttribute('data-status', 'pending');
}

/** Runs `work` as the admin in a browser of their own. */
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

async function openFromQueue(page: Page, number: string) {
  await page.getByRole('link', { name: 'Licenses' }).first().click();
  await page.waitForURL('**/admin/licenses');
  await page.getByPlaceholder('Search store or license number').fill(number);
  const row = page.getByTestId('table-row').filter({ hasText: number });
  await expect(row).toHaveCount(1);
  return row;
}

test('a new vendor learns what to upload on the compliance page', async ({ page }) => {
  await registerVendor(page);
  await page.getByRole('link', { name: 'Compliance' }).first().click();
  await page.waitForURL('**/settings/compliance');
  await expect(page.getByRole('heading', { name: 'Compliance', level: 1 })).toBeVisible();
  const kyc = page.getByTestId('kyc-summary');
  await expect(kyc).toContainText('Pending verification');
  await expect(kyc).toContainText('Buyers can’t see your products');
  await expect(page.getByRole('heading', { name: 'No licenses on file yet' })).toBeVisible();
  await expectAccessible(page);
  await shots(page, 'compliance-empty');
});

test('the vendor uploads a PDF license, which waits for review', async ({ page }) => {
  await signIn(page, vendor.email, vendor.password);
  await page.goto('/settings/compliance');
  // Checked before upload: a PDF cannot pose as an image, nor a text file as a license.
  await page.getByLabel('License document', { exact: true }).setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('not a license'),
  });
  await expect(page.getByText('This kind of upload accepts PDF, images.')).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss' }).click();

  await submitLicense(page, approvedNumber, 'state-license.pdf', 'compliance-upload-preview');
  const row = licenseRow(page, approvedNumber);
  await expect(row.getByTestId('license-status')).toHaveText('Pending review');
  await expect(row).toContainText('expires in 165 days');
  await expect(row.getByRole('button', { name: /Delete/ })).toHaveCount(0);
  await expectAccessible(page);
  await shots(page, 'compliance-pending');
  // The same number twice is refused on the field itself.
  await submitDuplicate(page);
});

async function submitDuplicate(page: Page) {
  await page.getByLabel('License document', { exact: true }).setInputFiles({
    name: 'copy.pdf',
    mimeType: 'application/pdf',
    buffer: minimalPdf('Copy'),
  });
  await expect(page.getByTestId('uploaded-file-name')).toHaveText('copy.pdf', { timeout: 30_000 });
  const form = page.getByRole('form', { name: 'Add a license' });
  await form.getByLabel('License number').fill(approvedNumber);
  await form.getByRole('button', { name: 'Submit for review' }).click();
  await expect(form.getByText('A license with this number is already on file.')).toBeVisible();
  await expect(form.getByText('Please fix the highlighted fields.')).toBeVisible();
  await form.getByRole('button', { name: 'Use another file' }).click();
  await form.getByLabel('License number').fill('');
}

test('an admin finds the license in the queue, previews the PDF and approves it', async ({ browser }) => {
  await asAdmin(browser, async (page) => {
    const row = await openFromQueue(page, approvedNumber);
    await expect(row).toContainText(vendor.company);
    await expect(row.getByTestId('license-status')).toHaveText('Pending review');
    await expectAccessible(page);
    await shots(page, 'admin-license-queue');

    await row.getByText(vendor.company).click();
    await page.waitForURL(/\/admin\/licenses\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { name: `License ${approvedNumber}` })).toBeVisible();
    const preview = page.getByTestId('document-preview');
    const src = await preview.getAttribute('src');
    expect(src).toBeTruthy();
    const document = await page.request.get(src ?? '');
    expect(document.status()).toBe(200);
    expect(document.headers()['content-type']).toContain('application/pdf');
    expect((await document.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expect(page.getByTestId('audit-trail')).toContainText('License submitted');
    await expectAccessible(page);
    await shots(page, 'admin-license-detail');

    await page.getByRole('button', { name: 'Approve license' }).click();
    await expect(page.getByText(`License ${approvedNumber} verified`)).toBeVisible();
    await expect(page.getByTestId('license-decided').getByTestId('license-status')).toHaveText('Verified');
    await expect(page.getByRole('button', { name: 'Approve license' })).toHaveCount(0);
    await expect(page.getByTestId('audit-trail')).toContainText('License verified');
    await expect(page.getByTestId('audit-trail')).toContainText('Store verification pending verification → verified');
    await shots(page, 'admin-license-approved');

    // Gone from the pending queue.
    await page.getByRole('link', { name: 'License queue' }).click();
    await page.getByPlaceholder('Search store or license number').fill(approvedNumber);
    await expect(page.getByRole('heading', { name: 'No licenses match' })).toBeVisible();
  });
});

test('the vendor is notified and sees the license verified', async ({ page }) => {
  await signIn(page, vendor.email, vendor.password);
  const bell = page.getByTestId('notifications-bell');
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread', { timeout: POLL_TIMEOUT });
  await page.getByRole('link', { name: 'Compliance' }).first().click();
  await page.waitForURL('**/settings/compliance');
  await expect(licenseRow(page, approvedNumber).getByTestId('license-status')).toHaveText('Verified');
  await expect(page.getByTestId('kyc-summary')).toContainText('Verified');
  // A new vendor has no subscription yet (a store flag until billing lands), so it is not listed yet.
  await expect(page.getByTestId('kyc-summary')).toContainText('once your vendor subscription is active');
  await expectAccessible(page);
  await shots(page, 'compliance-verified');

  await bell.click();
  await page.waitForURL('**/notifications');
  const approved = page.getByTestId('notification').filter({ hasText: 'License approved' });
  await expect(approved).toHaveCount(1);
  await expect(approved).toContainText('Your license was verified.');
  await approved.getByRole('link', { name: 'License approved' }).click();
  await page.waitForURL('**/settings/compliance');
});

test('a rejected license shows the reason and can be deleted after a confirmation', async ({ page, browser }) => {
  await signIn(page, vendor.email, vendor.password);
  await page.goto('/settings/compliance');
  await submitLicense(page, rejectedNumber, 'second-license.pdf');

  await asAdmin(browser, async (admin) => {
    const row = await openFromQueue(admin, rejectedNumber);
    await row.getByText(rejectedNumber).click();
    await admin.waitForURL(/\/admin\/licenses\/[0-9a-f-]{36}$/);
    await admin.getByRole('button', { name: 'Reject…' }).click();
    const dialog = admin.getByRole('dialog', { name: `Reject license ${rejectedNumber}?` });
    await dialog.getByRole('button', { name: 'Reject license' }).click();
    await expect(dialog.getByText('is required')).toBeVisible();
    await dialog.getByLabel('Reason shown to the store').fill(REJECTION);
    await dialog.getByRole('button', { name: 'Reject license' }).click();
    await expect(dialog).toBeHidden();
    await expect(admin.getByTestId('license-decided')).toContainText(REJECTION);
    await expect(admin.getByTestId('audit-trail')).toContainText(`Reason: ${REJECTION}`);
  });

  await page.reload();
  const row = licenseRow(page, rejectedNumber);
  await expect(row.getByTestId('license-status')).toHaveText('Rejected');
  await expect(row.getByRole('note')).toContainText(REJECTION);
  // One verified license keeps the store verified.
  await expect(page.getByTestId('kyc-summary')).toContainText('Verified');
  await expectAccessible(page);
  await shots(page, 'compliance-rejected');

  await row.getByRole('button', { name: `Delete license ${rejectedNumber}` }).click();
  const confirm = page.getByRole('dialog', { name: `Delete license ${rejectedNumber}?` });
  await expect(confirm).toContainText('The rejected grower license from Oklahoma');
  await confirm.getByRole('button', { name: 'Delete license' }).click();
  await expect(page.getByText(`License ${rejectedNumber} deleted`)).toBeVisible();
  await expect(licenseRow(page, rejectedNumber)).toHaveCount(0);
  await expect(licenseRow(page, approvedNumber)).toHaveCount(1);
});

test('the admin audit log lists the decisions and filters by subject', async ({ browser }) => {
  await asAdmin(browser, async (page) => {
    await page.getByRole('link', { name: 'Audit log' }).first().click();
    await page.waitForURL('**/admin/audit');
    await page.getByLabel('Subject type').selectOption('license');
    await expect(page.getByTestId('table-row').filter({ hasText: 'License verified' }).first()).toBeVisible();
    await expect(page.getByTestId('table-row').filter({ hasText: 'License deleted' }).first()).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    expect((await download).suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    await expectAccessible(page);
    await shots(page, 'admin-audit');
  });
});

test('store logo, banner and profile photo are uploaded, shown and removed', async ({ page }) => {
  await signIn(page, vendor.email, vendor.password);
  await page.getByRole('link', { name: 'Store' }).first().click();
  await page.waitForURL('**/settings/store');
  await page.getByLabel('Upload a new logo', { exact: true }).setInputFiles({
    name: 'logo.png',
    mimeType: 'image/png',
    buffer: gradientPng(256, 256, [23, 87, 51], [194, 123, 18]),
  });
  await expect(page.getByText('Logo updated')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('img', { name: 'Current logo' })).toBeVisible();
  await page.getByLabel('Upload a new banner', { exact: true }).setInputFiles({
    name: 'banner.png',
    mimeType: 'image/png',
    buffer: gradientPng(800, 200, [213, 236, 220], [23, 87, 51]),
  });
  await expect(page.getByText('Banner updated')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('img', { name: 'Current banner' })).toBeVisible();
  await expectAccessible(page);
  await shots(page, 'store-images');

  await page.getByRole('button', { name: 'Remove logo' }).click();
  await page.getByRole('dialog', { name: 'Remove the logo?' }).getByRole('button', { name: 'Remove logo' }).click();
  await expect(page.getByText('Logo removed')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Current logo' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('img', { name: 'Current logo' })).toHaveCount(0);
  await expect(page.getByRole('img', { name: 'Current banner' })).toBeVisible();

  await page.getByRole('button', { name: /Account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Your profile' }).click();
  await page.waitForURL('**/settings/account');
  await page.getByLabel('Upload a new profile photo', { exact: true }).setInputFiles({
    name: 'me.png',
    mimeType: 'image/png',
    buffer: gradientPng(128, 128, [241, 196, 150], [120, 72, 40]),
  });
  await expect(page.getByText('Profile photo updated')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('img', { name: 'Current profile photo' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Account menu/ }).locator('img')).toBeVisible();
  await expectAccessible(page);
  await shots(page, 'account-photo');
});
