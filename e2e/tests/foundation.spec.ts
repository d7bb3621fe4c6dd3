import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, demo, expectAccessible, screenshots, signIn, signOut, uniqueEmail } from './support';

test.describe.configure({ mode: 'serial' });

const vendor = { email: uniqueEmail('vendor'), password: 'Sunny-fields-2026', company: 'Prairie Bloom Farms' };

test('a vendor registers, lands in the vendor console, signs out and back in', async ({ page }) => {
  await page.goto('/sign-up');
  await expectAccessible(page);
  await screenshots(page, 'sign-up');
  await page.getByText('Vendor', { exact: true }).click();
  await page.getByLabel('Legal business name').fill(vendor.company);
  await page.getByLabel('First name').fill('Dana');
  await page.getByLabel('Last name').fill('Grower');
  await page.getByLabel('Work email').fill(vendor.email);
  await page.getByLabel('Password').fill(vendor.password);
  await page.getByLabel('Street address').fill('500 Harvest Rd');
  await page.getByLabel('City', { exact: true }).fill('Norman');
  await page.getByLabel('State', { exact: true }).selectOption('OK');
  await page.getByLabel('ZIP').fill('73069');
  await page.getByLabel(/I accept the terms/).check();
  await page.getByRole('button', { name: 'Create account' }).click();

  await page.waitForURL('**/vendor');
  await expect(page.getByRole('heading', { name: 'Welcome, Dana' })).toBeVisible();
  await expect(page.getByText('Pending verification')).toBeVisible();
  await expect(page.getByRole('button', { name: /Switch store/ })).toContainText(vendor.company);
  await expectAccessible(page);
  await screenshots(page, 'vendor-landing');

  await signOut(page);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'sign-in');
  await page.goto('/vendor');
  await page.waitForURL('**/sign-in');

  await signIn(page, vendor.email, vendor.password);
  await expect(page).toHaveURL(/\/vendor$/);
});

test('sign-up shows field errors from validation and writes nothing', async ({ page }) => {
  await page.goto('/sign-up');
  await page.getByLabel('Work email').fill('not-an-email');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('must be a valid email')).toBeVisible();
  await expect(page.getByText('must be at least 10 characters')).toBeVisible();
  await expect(page.getByText('Please accept the terms to continue.')).toBeVisible();
  await expect(page).toHaveURL(/\/sign-up$/);
});

test('a wrong password is refused with a plain sentence', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(demo.buyer);
  await page.getByLabel('Password').fill('Wrong-password-1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'That email and password do not match an account.' }),
  ).toBeVisible();
});

test('the vendor invites the demo buyer; the buyer accepts and switches between stores', async ({ page }) => {
  await signIn(page, vendor.email, vendor.password);
  await page.getByRole('link', { name: 'Team' }).first().click();
  await page.waitForURL('**/settings/team');
  await expect(page.getByRole('cell', { name: /Dana Grower/ })).toBeVisible();
  await page.getByRole('button', { name: 'Invite teammate' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Email').fill(demo.buyer);
  await dialog.getByLabel('First name').fill('Casey');
  await dialog.getByLabel('Last name').fill('Buyer');
  await dialog.getByLabel('Role').selectOption('manager');
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  // An existing account keeps its password: no temporary password is shown.
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: /buyer@packfinderz\.test/ });
  await expect(row.getByText('Invited').filter({ visible: true })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'team');

  // A brand-new teammate gets a one-time temporary password.
  await page.getByRole('button', { name: 'Invite teammate' }).click();
  await dialog.getByLabel('Email').fill(uniqueEmail('packer'));
  await dialog.getByLabel('First name').fill('Pat');
  await dialog.getByLabel('Last name').fill('Packer');
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(dialog.getByTestId('temporary-password')).toHaveText(/^[A-Za-z0-9]{16}$/);
  await screenshots(page, 'team-invite-temporary-password');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await signOut(page);

  await signIn(page, demo.buyer, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/buyer$/);
  await screenshots(page, 'buyer-landing');
  await page.getByRole('link', { name: 'Invitations' }).first().click();
  await expect(page.getByText(vendor.company)).toBeVisible();
  await screenshots(page, 'invitations');
  await page.getByRole('button', { name: 'Accept' }).click();
  await page.waitForURL('**/vendor');
  await expect(page.getByRole('button', { name: /Switch store/ })).toContainText(vendor.company);

  await page.getByRole('button', { name: /Switch store/ }).click();
  await page.getByRole('menuitem', { name: /Green Leaf Dispensary/ }).click();
  await page.waitForURL('**/buyer');
  await expect(page.getByRole('button', { name: /Switch store/ })).toContainText('Green Leaf Dispensary');
  await expectAccessible(page);

  // A buyer store may not open vendor or admin areas: a real 403 page, not a crash.
  const response = await page.goto('/admin');
  expect(response?.status()).toBe(403);
  await expect(page.getByText('This area is not part of your role')).toBeVisible();
  await screenshots(page, 'forbidden');
});

test('the admin signs in through the admin entrance and manages agents', async ({ page }) => {
  await signIn(page, demo.admin, DEMO_PASSWORD, 'admin');
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { name: 'Admin overview' })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'admin-landing');
  await page.getByRole('link', { name: 'Manage agents' }).click();
  await expect(page.getByRole('cell', { name: demo.agent })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'admin-agents');
});

test('the admin entrance refuses a store user, and the store entrance refuses the admin', async ({ page }) => {
  await page.goto('/sign-in/admin');
  await page.getByLabel('Email').fill(demo.vendor);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'do not match' })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in\/admin$/);
});

test('the agent lands on the phone-first deliveries screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, demo.agent, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/agent$/);
  await expect(page.getByRole('heading', { name: 'No deliveries yet' })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'agent-landing');
});
