import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Reusable steps on the buyer marketplace (/buyer/marketplace), its product pages and vendor storefronts.
 * They rely on the page's accessible names plus a few test ids, never on a particular catalog.
 */

export const MARKETPLACE_PATH = '/buyer/marketplace';

export const results = (page: Page) => page.getByTestId('results');
export const productCards = (page: Page) => page.getByTestId('product-card');
/** The card whose title link is exactly `title`. */
export const productCard = (page: Page, title: string) =>
  productCards(page).filter({ has: page.getByRole('link', { name: title, exact: true }) });
/** The desktop filter sidebar (below 1024 px wide the filters live in a sheet, see openFilterSheet). */
export const filterSidebar = (page: Page) => page.getByRole('complementary', { name: 'Filters' });

/** Waits until the grid shows the answer for the URL in the address bar (not a previous page kept on screen). */
export async function waitForResults(page: Page) {
  await expect(results(page)).toHaveAttribute('data-results-for', new URL(page.url()).search, { timeout: 20_000 });
}

export async function gotoMarketplace(page: Page, search = '') {
  await page.goto(`${MARKETPLACE_PATH}${search}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Marketplace' })).toBeVisible();
  await waitForResults(page);
}

/** The "1,234 products" figure above the grid. */
export async function resultCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('result-count').textContent()) ?? '';
  const match = text.replaceAll(',', '').match(/(\d+) products?/);
  if (!match) throw new Error(`No result count in "${text}"`);
  return Number(match[1]);
}

/** Runs `change` (which must update the URL) and waits for the grid to answer the new URL. */
export async function afterChange(page: Page, change: () => Promise<unknown>) {
  const before = page.url();
  await change();
  await page.waitForURL((url) => url.href !== before);
  await waitForResults(page);
}

/** Types a search into the marketplace (or storefront) search box and waits for its results. */
export async function searchMarketplace(page: Page, q: string) {
  const box = page.getByRole('searchbox', { name: 'Search products' });
  const current = new URL(page.url()).searchParams.get('q') ?? '';
  if (current === q.trim()) return;
  await afterChange(page, async () => {
    await box.fill(q);
    await box.press('Enter');
  });
  expect(new URL(page.url()).searchParams.get('q') ?? '').toBe(q.trim());
}

/** Titles of the cards on the current page, in order. */
export async function cardTitles(page: Page): Promise<string[]> {
  return productCards(page).getByRole('heading', { level: 3 }).allInnerTexts();
}

/** Unit prices of the cards on the current page in cents, in order. */
export async function cardPrices(page: Page): Promise<number[]> {
  const texts = await productCards(page).getByTestId('card-price').allInnerTexts();
  return texts.map((text) => Math.round(Number(text.replace(/[$,]/g, '')) * 100));
}

/** Opens the product from the marketplace (searching for it first) and waits for its detail page. */
export async function openProduct(page: Page, title: string) {
  if (!new URL(page.url()).pathname.startsWith('/buyer/')) await gotoMarketplace(page);
  if ((await productCard(page, title).count()) === 0) await searchMarketplace(page, title);
  await productCard(page, title).first().getByRole('link', { name: title, exact: true }).click();
  await page.waitForURL('**/buyer/products/**');
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/** A search for the exact title finds it on the marketplace's first page. */
export async function expectInMarketplace(page: Page, title: string) {
  await gotoMarketplace(page);
  await searchMarketplace(page, title);
  await expect(productCard(page, title).first()).toBeVisible();
}

/**
 * A search for the exact title does not find it (unlisted, other state, deleted …). With `vendor`, only that
 * vendor's product counts (another vendor may sell something with the same title).
 */
export async function expectNotInMarketplace(page: Page, title: string, options: { vendor?: string } = {}) {
  await gotoMarketplace(page);
  await searchMarketplace(page, title);
  const cards = productCard(page, title);
  await expect(options.vendor ? cards.filter({ hasText: `by ${options.vendor}` }) : cards).toHaveCount(0);
}

/** A product page the buyer may not see looks exactly like a missing one. */
export async function expectProductUnavailable(page: Page, productId: string) {
  await page.goto(`/buyer/products/${productId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'This product isn’t available' })).toBeVisible();
}

/** A facet group (fieldset) of the given filter panel, e.g. "Category". */
export const facetGroup = (panel: Locator, legend: string) => panel.getByRole('group', { name: legend, exact: true });

/** Every option of a facet group with the count the API answered. */
export async function facetOptions(group: Locator): Promise<{ value: string; count: number; option: Locator }[]> {
  const options = group.getByTestId('facet-option');
  const found: { value: string; count: number; option: Locator }[] = [];
  for (const option of await options.all()) {
    found.push({
      value: (await option.getAttribute('data-value')) ?? '',
      count: Number(await option.getAttribute('data-count')),
      option,
    });
  }
  return found;
}

/** Fills a min/max range (THC, CBD, price) and applies it with Enter. */
export async function setRange(page: Page, panel: Locator, legend: string, min: string, max: string) {
  const group = facetGroup(panel, legend);
  await afterChange(page, async () => {
    await group.getByLabel(/^Min/).fill(min);
    await group.getByLabel(/^Max/).fill(max);
    await group.getByLabel(/^Max/).press('Enter');
  });
}

/** Opens the phone "Filters" sheet and returns it. */
export async function openFilterSheet(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: /^Filters/ }).click();
  const sheet = page.getByRole('dialog', { name: 'Filters' });
  await expect(sheet).toBeVisible();
  return sheet;
}
