import { type Browser, expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD, demo, expectAccessible, screenshots, signIn, uniqueEmail } from './support';

test.describe.configure({ mode: 'serial' });

/** Self-contained: a vendor of its own, so other files' activity never shows up in this inbox. */
const vendor = { email: uniqueEmail('bell-vendor'), password: 'Quiet-meadow-2026', company: 'Bellwether Growers' };

const bell = (page: Page) => page.getByTestId('notifications-bell');
const badge = (page: Page) => page.getByTestId('notifications-badge');
/** The bell polls every 5 s; allow a few polls on a busy machine. */
const POLL_TIMEOUT = 20_000;

/**
 * The vendor invites a brand-new teammate (temporary password from the dialog); the teammate signs in in
 * a browser of their own and accepts. Leaves the vendor's page on the team screen.
 */
async function inviteAndAccept(page: Page, browser: Browser, firstName: string) {
  await page.goto('/settings/team');
  await page.getByRole('button', { name: 'Invite teammate' }).click();
  const dialog = page.getByRole('dialog');
  const email = uniqueEmail(firstName.toLowerCase());
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel('First name').fill(firstName);
  await dialog.getByLabel('Last name').fill('Packer');
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  const password = (await dialog.getByTestId('temporary-password').textContent())?.trim() ?? '';
  expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
  await dialog.getByRole('button', { name: 'Done' }).click();

  const context = await browser.newContext();
  try {
    const teammate = await context.newPage();
    await signIn(teammate, email, password);
    await teammate.waitForURL('**/invitations');
    await expect(teammate.getByText(vendor.company)).toBeVisible();
    await teammate.getByRole('button', { name: 'Accept' }).click();
    await teammate.waitForURL('**/vendor');
  } finally {
    await context.close();
  }
}

test('a new vendor has an empty inbox behind the bell', async ({ page }) => {
  await page.goto('/sign-up');
  await page.getByText('Vendor', { exact: true }).click();
  await page.getByLabel('Legal business name').fill(vendor.company);
  await page.getByLabel('First name').fill('Robin');
  await page.getByLabel('Last name').fill('Bell');
  await page.getByLabel('Work email').fill(vendor.email);
  await page.getByLabel('Password').fill(vendor.password);
  await page.getByLabel('Street address').fill('12 Orchard Ln');
  await page.getByLabel('City', { exact: true }).fill('Tulsa');
  await page.getByLabel('State', { exact: true }).selectOption('OK');
  await page.getByLabel('ZIP').fill('74103');
  await page.getByLabel(/I accept the terms/).check();
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('**/vendor');

  await expect(bell(page)).toHaveAccessibleName('Notifications');
  await expect(badge(page)).toHaveCount(0);
  await bell(page).click();
  await page.waitForURL('**/notifications');
  await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No notifications yet' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark all read' })).toBeDisabled();
  await expectAccessible(page);
  await screenshots(page, 'notifications-empty');
});

test("a teammate accepting an invitation rings the vendor's bell; mark all read clears it", async ({
  page,
  browser,
}) => {
  await signIn(page, vendor.email, vendor.password);
  await inviteAndAccept(page, browser, 'Jordan');

  // No reload: the bell's poll picks it up.
  await expect(bell(page)).toHaveAccessibleName('Notifications, 1 unread', { timeout: POLL_TIMEOUT });
  await expect(badge(page)).toHaveText('1');
  await screenshots(page, 'notifications-bell');

  await bell(page).click();
  await page.waitForURL('**/notifications');
  const joined = page.getByTestId('notification').filter({ hasText: 'New team member' });
  await expect(joined).toHaveCount(1);
  await expect(joined).toContainText('Jordan Packer joined your team as staff.');
  await expect(joined).toHaveAttribute('data-unread', 'true');
  await expect(page.getByRole('button', { name: 'Unread (1)' })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'notifications');

  await page.getByRole('button', { name: 'Unread (1)' }).click();
  await expect(joined).toBeVisible();
  await page.getByRole('button', { name: 'Mark all read' }).click();
  await expect(page.getByText('Marked 1 notification read')).toBeVisible();
  await expect(bell(page)).toHaveAccessibleName('Notifications');
  await expect(badge(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: "You're all caught up" })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'notifications-caught-up');

  await page.getByRole('button', { name: 'Show all notifications' }).click();
  await expect(joined).toHaveAttribute('data-unread', 'false');
  await expect(page.getByRole('button', { name: /^Mark read/ })).toHaveCount(0);
});

test('one notification is read on its own, and following its link reads it too', async ({ page, browser }) => {
  await signIn(page, vendor.email, vendor.password);
  await inviteAndAccept(page, browser, 'Avery');
  await inviteAndAccept(page, browser, 'Morgan');
  await expect(bell(page)).toHaveAccessibleName('Notifications, 2 unread', { timeout: POLL_TIMEOUT });

  await page.goto('/notifications');
  const rows = page.getByTestId('notification');
  await expect(rows).toHaveCount(3);
  // Newest first.
  await expect(rows.nth(0)).toContainText('Morgan Packer joined');
  await expect(rows.nth(1)).toContainText('Avery Packer joined');
  await expect(rows.nth(2)).toContainText('Jordan Packer joined');

  await rows.nth(1).getByRole('button', { name: 'Mark read: New team member' }).click();
  await expect(rows.nth(1)).toHaveAttribute('data-unread', 'false');
  await expect(rows.nth(0)).toHaveAttribute('data-unread', 'true');
  await expect(bell(page)).toHaveAccessibleName('Notifications, 1 unread');

  await rows.nth(0).getByRole('link', { name: 'New team member' }).click();
  await page.waitForURL('**/settings/team');
  await expect(page.getByRole('cell', { name: /Morgan Packer/ })).toBeVisible();
  await expect(bell(page)).toHaveAccessibleName('Notifications');
});

test('the admin has an inbox of their own', async ({ page }) => {
  await signIn(page, demo.admin, DEMO_PASSWORD, 'admin');
  await bell(page).click();
  await page.waitForURL('**/notifications');
  await expect(page.getByText('The admin inbox')).toBeVisible();
  await expect(page.getByText('New team member')).toHaveCount(0);
  await expectAccessible(page);
  await screenshots(page, 'notifications-admin');
});

test('a delivery agent sees no bell', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const page = await context.newPage();
    await signIn(page, demo.agent, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/agent$/);
    await expect(page.getByRole('button', { name: /Account menu/ })).toBeVisible();
    await expect(bell(page)).toHaveCount(0);
  } finally {
    await context.close();
  }
});
