import { randomInt } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import { gradientPng, minimalPdf } from './fixtures';

/** What the "create a product via the UI" flow types into the editor. */
export interface ProductDraft {
  title: string;
  sku: string;
  /** Dollars as typed, e.g. "20.00". */
  price: string;
  category: string;
  unit: string;
  moq: number;
  onHand: number;
  lowStockAlert: number;
  /** Up to two tiers, "from quantity" ascending, percent off. */
  tiers: { minQty: number; percent: number }[];
  feelings: string[];
  flavors: string[];
  usage: string[];
}

/** A product with a title no other run (or seeded row) shares, so searches find exactly it. */
export function uniqueProductDraft(prefix = 'E2E Sunrise Haze'): ProductDraft {
  const tag = randomInt(100_000, 999_999);
  return {
    title: `${prefix} ${tag}`,
    sku: `E2E-${tag}`,
    price: '20.00',
    category: 'flower',
    unit: 'eighth',
    moq: 2,
    onHand: 120,
    lowStockAlert: 10,
    tiers: [
      { minQty: 10, percent: 10 },
      { minQty: 50, percent: 25 },
    ],
    feelings: ['Relaxed', 'Happy'],
    flavors: ['Citrus'],
    usage: ['Stress relief'],
  };
}

const editor = (page: Page) => page.getByRole('form', { name: /^(New product|Edit )/ });

/** The gallery's media ids in display order. */
export async function galleryOrder(page: Page): Promise<string[]> {
  return page
    .getByTestId('gallery-item')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-media-id') ?? ''));
}

async function chooseTags(page: Page, group: string, names: string[]) {
  const fieldset = page.getByRole('group', { name: group, exact: true });
  for (const name of names) {
    await fieldset.getByText(name, { exact: true }).click();
    await expect(fieldset.getByRole('checkbox', { name, exact: true })).toBeChecked();
  }
}

/** Two product images, uploaded together; waits until both are stored in the gallery. */
export async function uploadTwoImages(page: Page) {
  await page.getByLabel('Add product images', { exact: true }).setInputFiles([
    { name: 'front.png', mimeType: 'image/png', buffer: gradientPng(320, 320, [23, 87, 51], [214, 196, 120]) },
    { name: 'back.png', mimeType: 'image/png', buffer: gradientPng(320, 320, [120, 40, 90], [250, 210, 160]) },
  ]);
  await expect(page.getByTestId('gallery-item')).toHaveCount(2, { timeout: 30_000 });
  await expect(page.getByTestId('gallery-upload')).toHaveCount(0);
}

/** Fills every section of the editor on /vendor/products/new (images and COA included), without saving. */
export async function fillProductForm(page: Page, draft: ProductDraft) {
  const form = editor(page);
  await form.getByLabel('Title', { exact: true }).fill(draft.title);
  await form.getByLabel('SKU', { exact: true }).fill(draft.sku);
  await form.getByLabel('Subtitle', { exact: true }).fill('Sun-grown, hand-trimmed');
  await form.getByLabel('Description', { exact: true }).fill('A bright, balanced hybrid grown outdoors in Oklahoma.');
  await uploadTwoImages(page);
  await form.getByLabel('Category', { exact: true }).selectOption(draft.category);
  await form.getByLabel('Classification', { exact: true }).selectOption('hybrid');
  await form.getByLabel('THC %', { exact: true }).fill('22.5');
  await form.getByLabel('Price per unit', { exact: true }).fill(draft.price);
  await form.getByLabel('Unit of sale', { exact: true }).selectOption(draft.unit);
  await form.getByLabel('Minimum order (MOQ)', { exact: true }).fill(String(draft.moq));
  for (const [index, tier] of draft.tiers.entries()) {
    await form.getByRole('button', { name: 'Add tier' }).click();
    await form.getByLabel(`Tier ${index + 1}: from quantity`, { exact: true }).fill(String(tier.minQty));
    await form.getByLabel(`Tier ${index + 1}: discount %`, { exact: true }).fill(String(tier.percent));
  }
  await form.getByLabel('On hand', { exact: true }).fill(String(draft.onHand));
  await form.getByLabel('Low-stock alert at', { exact: true }).fill(String(draft.lowStockAlert));
  await chooseTags(page, 'Feelings', draft.feelings);
  await chooseTags(page, 'Flavors', draft.flavors);
  await chooseTags(page, 'Usage', draft.usage);
  await form.getByLabel('Batch ID', { exact: true }).fill(`B-${draft.sku}`);
  await form.getByLabel('Certificate of analysis (PDF)', { exact: true }).setInputFiles({
    name: 'coa.pdf',
    mimeType: 'application/pdf',
    buffer: minimalPdf('Certificate of analysis'),
  });
  await expect(page.getByTestId('coa-file-name')).toHaveText('coa.pdf', { timeout: 30_000 });
}

/** Submits the new-product form; resolves with the product id once the editor of the stored product is open. */
export async function saveNewProduct(page: Page, draft: ProductDraft): Promise<string> {
  await editor(page).getByRole('button', { name: 'Create product' }).click();
  await expect(page.getByText(`“${draft.title}” created`)).toBeVisible();
  await page.waitForURL(/\/vendor\/products\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: draft.title, level: 1 })).toBeVisible();
  return new URL(page.url()).pathname.split('/').at(-1) ?? '';
}

/**
 * The whole "create a product via the UI" flow for a signed-in vendor: open the editor, fill every section
 * (two images, two tiers, stock, tags, COA), save. Resolves with the new product's id.
 */
export async function createProductViaUi(page: Page, draft: ProductDraft = uniqueProductDraft()): Promise<string> {
  await page.goto('/vendor/products/new');
  await expect(page.getByRole('heading', { name: 'New product', level: 1 })).toBeVisible();
  // Typing before hydration would be undone when the form registers its fields.
  await page.waitForLoadState('networkidle');
  await fillProductForm(page, draft);
  return saveNewProduct(page, draft);
}
