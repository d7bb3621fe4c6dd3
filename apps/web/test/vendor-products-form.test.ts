import { createProductInput, updateProductInput, type VendorProductDto, vendorProductDto } from '@pf/domain';
import { describe, expect, it } from 'vitest';
import {
  emptyProductValues,
  type ProductFormValues,
  productValuesOf,
  sameValue,
  updateInputOf,
} from '@/lib/vendor-products-form';

const PRODUCT_ID = '8d0f5a52-3c1e-4b7a-9f21-6a4e2b7c9d10';
const STORE_ID = 'c2a7e3f4-5b6d-4e8f-a1b2-c3d4e5f60718';
const MEDIA = [
  '0a1b2c3d-4e5f-4a6b-8c7d-8e9fa0b1c2d3',
  '1b2c3d4e-5f60-4b7c-9d8e-9fa0b1c2d3e4',
  '2c3d4e5f-6071-4c8d-ae9f-a0b1c2d3e4f5',
];
const COA = '3d4e5f60-7182-4d9e-bfa0-b1c2d3e4f506';

const galleryItem = (mediaId: string, position: number) => ({
  mediaId,
  position,
  mimeType: 'image/jpeg',
  url: `https://storage.example.test/media/${mediaId}?sig=abc`,
  thumbnailUrl: `https://storage.example.test/media/${mediaId}?sig=abc`,
});

/** A fully described flower product, as the vendor read endpoint returns it. */
const fullProduct: VendorProductDto = {
  id: PRODUCT_ID,
  storeId: STORE_ID,
  sku: 'BD-35',
  title: 'Blue Dream 3.5g',
  subtitle: 'Sativa-leaning hybrid',
  description: 'Sweet berry aroma, balanced high.',
  category: 'flower',
  classification: 'hybrid',
  strain: 'Blue Dream',
  unit: 'eighth',
  feelings: ['happy', 'creative'],
  flavors: ['sweet', 'fruity'],
  usage: ['stress_relief'],
  moq: 2,
  maxQty: 100,
  priceCents: 2000,
  compareAtPriceCents: 2400,
  thcPercent: 21.35,
  cbdPercent: 0.1,
  hasVolumeDiscount: true,
  volumeDiscounts: [
    { minQty: 10, discountPercent: 10 },
    { minQty: 50, discountPercent: 25 },
  ],
  gallery: MEDIA.map(galleryItem),
  coaUrl: `https://storage.example.test/media/${COA}?sig=def`,
  isActive: true,
  isFeatured: false,
  batchId: 'B-2024-117',
  metricTag: '1A4060300003B01000000838',
  barcode: '0123456789012',
  packagingType: 'jar',
  coaMediaId: COA,
  inventory: {
    onHandQty: 40,
    reservedQty: 4,
    availableQty: 36,
    lowStockThreshold: 5,
    lowStock: false,
    updatedAt: '2025-03-01T10:00:00.000Z',
  },
  createdAt: '2025-01-15T09:30:00.000Z',
  updatedAt: '2025-03-01T10:00:00.000Z',
};

/** A bare accessory: every optional fact left empty. */
const bareProduct: VendorProductDto = {
  ...fullProduct,
  id: 'f1e2d3c4-b5a6-4978-8a6b-5c4d3e2f1a0b',
  sku: 'GRND-1',
  title: 'Grinder',
  subtitle: null,
  description: null,
  category: 'accessory',
  classification: null,
  strain: null,
  unit: 'unit',
  feelings: ['calm'],
  flavors: ['earthy'],
  usage: ['sleep'],
  moq: 1,
  maxQty: 0,
  priceCents: 0,
  compareAtPriceCents: null,
  thcPercent: null,
  cbdPercent: null,
  hasVolumeDiscount: false,
  volumeDiscounts: [],
  gallery: [],
  coaUrl: null,
  batchId: null,
  metricTag: null,
  barcode: null,
  packagingType: null,
  coaMediaId: null,
  inventory: { ...fullProduct.inventory, onHandQty: 0, reservedQty: 0, availableQty: 0, lowStockThreshold: 0 },
};

/** A deep copy of the loaded values, as the form would hold them while the vendor edits. */
const editOf = (values: ProductFormValues): ProductFormValues => structuredClone(values);

const expectUpdateAccepted = (input: unknown) => {
  const result = updateProductInput.safeParse(input);
  expect(result.error?.issues ?? []).toEqual([]);
};

describe('productValuesOf', () => {
  it('the fixtures are real read DTOs', () => {
    expect(vendorProductDto.safeParse(fullProduct).success).toBe(true);
    expect(vendorProductDto.safeParse(bareProduct).success).toBe(true);
  });

  it('turns a stored product into the editor values', () => {
    const values = productValuesOf(fullProduct);
    expect(values).toEqual({
      title: 'Blue Dream 3.5g',
      sku: 'BD-35',
      subtitle: 'Sativa-leaning hybrid',
      description: 'Sweet berry aroma, balanced high.',
      category: 'flower',
      classification: 'hybrid',
      strain: 'Blue Dream',
      unit: 'eighth',
      feelings: ['happy', 'creative'],
      flavors: ['sweet', 'fruity'],
      usage: ['stress_relief'],
      moq: 2,
      maxQty: 100,
      priceCents: 2000,
      compareAtPriceCents: 2400,
      thcPercent: 21.35,
      cbdPercent: 0.1,
      isActive: true,
      isFeatured: false,
      batchId: 'B-2024-117',
      metricTag: '1A4060300003B01000000838',
      barcode: '0123456789012',
      packagingType: 'jar',
      // Only what the editor changes: reserved and available stock are not the vendor's to set.
      inventory: { onHandQty: 40, lowStockThreshold: 5 },
      // The gallery in display order.
      mediaIds: MEDIA,
      coaMediaId: COA,
      volumeDiscounts: [
        { minQty: 10, discountPercent: 10 },
        { minQty: 50, discountPercent: 25 },
      ],
    });
  });

  it('shows missing texts as empty inputs', () => {
    const values = productValuesOf(bareProduct);
    for (const key of [
      'subtitle',
      'description',
      'strain',
      'batchId',
      'metricTag',
      'barcode',
      'packagingType',
    ] as const) {
      expect(values[key]).toBe('');
    }
    expect(values.classification).toBeNull();
    expect(values.mediaIds).toEqual([]);
    expect(values.coaMediaId).toBeNull();
  });

  it('has exactly the keys of a fresh form', () => {
    expect(Object.keys(productValuesOf(fullProduct)).sort()).toEqual(Object.keys(emptyProductValues()).sort());
  });

  it.each([
    ['full', fullProduct],
    ['bare', bareProduct],
  ])('a loaded %s product is valid in the editor as it stands (the create schema validates the form)', (_, product) => {
    const result = createProductInput.safeParse(productValuesOf(product));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('editing the values does not touch the loaded product', () => {
    const values = productValuesOf(fullProduct);
    values.feelings.push('sleepy');
    values.mediaIds?.reverse();
    expect(values.mediaIds).toEqual([...MEDIA].reverse());
    const tier = values.volumeDiscounts?.[0];
    if (tier) tier.discountPercent = 99;
    values.inventory.onHandQty = 1;
    expect(fullProduct.feelings).toEqual(['happy', 'creative']);
    expect(fullProduct.gallery.map((item) => item.mediaId)).toEqual(MEDIA);
    expect(fullProduct.volumeDiscounts[0]?.discountPercent).toBe(10);
    expect(fullProduct.inventory.onHandQty).toBe(40);
  });
});

describe('updateInputOf', () => {
  const loaded = productValuesOf(fullProduct);

  it('an untouched form sends only the product id', () => {
    expect(updateInputOf(PRODUCT_ID, editOf(loaded), loaded)).toEqual({ productId: PRODUCT_ID });
  });

  it('sends only the fields that changed', () => {
    const values = { ...editOf(loaded), title: 'Blue Dream 7g', priceCents: 3800, isFeatured: true };
    const input = updateInputOf(PRODUCT_ID, values, loaded);
    expect(input).toEqual({ productId: PRODUCT_ID, title: 'Blue Dream 7g', priceCents: 3800, isFeatured: true });
    expectUpdateAccepted(input);
  });

  it('leaves stock out when the editor did not touch it, so a stock change made meanwhile survives the save', () => {
    const values = { ...editOf(loaded), description: 'Now with tasting notes.' };
    const input = updateInputOf(PRODUCT_ID, values, loaded);
    expect(input).not.toHaveProperty('inventory');
    expect(input).toEqual({ productId: PRODUCT_ID, description: 'Now with tasting notes.' });
  });

  it('sends only the stock field that changed', () => {
    const threshold = editOf(loaded);
    threshold.inventory.lowStockThreshold = 12;
    const thresholdInput = updateInputOf(PRODUCT_ID, threshold, loaded);
    expect(thresholdInput).toEqual({ productId: PRODUCT_ID, inventory: { lowStockThreshold: 12 } });
    expectUpdateAccepted(thresholdInput);

    const onHand = editOf(loaded);
    onHand.inventory.onHandQty = 0;
    const onHandInput = updateInputOf(PRODUCT_ID, onHand, loaded);
    expect(onHandInput).toEqual({ productId: PRODUCT_ID, inventory: { onHandQty: 0 } });
    expectUpdateAccepted(onHandInput);
  });

  it.each(['subtitle', 'description', 'strain', 'batchId', 'metricTag', 'barcode', 'packagingType'] as const)(
    'emptying %s clears it (null)',
    (key) => {
      const values = { ...editOf(loaded), [key]: '' };
      const input = updateInputOf(PRODUCT_ID, values, loaded);
      expect(input).toEqual({ productId: PRODUCT_ID, [key]: null });
      expectUpdateAccepted(input);
    },
  );

  it('a text of only spaces clears it too', () => {
    expect(updateInputOf(PRODUCT_ID, { ...editOf(loaded), subtitle: '   ' }, loaded)).toEqual({
      productId: PRODUCT_ID,
      subtitle: null,
    });
  });

  it('clears the nullable facts', () => {
    const values = {
      ...editOf(loaded),
      classification: null,
      compareAtPriceCents: null,
      thcPercent: null,
      coaMediaId: null,
    };
    const input = updateInputOf(PRODUCT_ID, values, loaded);
    expect(input).toEqual({
      productId: PRODUCT_ID,
      classification: null,
      compareAtPriceCents: null,
      thcPercent: null,
      coaMediaId: null,
    });
    expectUpdateAccepted(input);
  });

  it('fills an empty text on a bare product', () => {
    const bare = productValuesOf(bareProduct);
    const input = updateInputOf(bareProduct.id, { ...editOf(bare), strain: 'n/a', barcode: '12345' }, bare);
    expect(input).toEqual({ productId: bareProduct.id, strain: 'n/a', barcode: '12345' });
  });

  it('a reordered gallery sends the whole new order', () => {
    const reordered = [MEDIA[2], MEDIA[0], MEDIA[1]] as string[];
    const input = updateInputOf(PRODUCT_ID, { ...editOf(loaded), mediaIds: reordered }, loaded);
    expect(input).toEqual({ productId: PRODUCT_ID, mediaIds: reordered });
    expectUpdateAccepted(input);
  });

  it('removing the last image sends an empty gallery', () => {
    const input = updateInputOf(PRODUCT_ID, { ...editOf(loaded), mediaIds: [] }, loaded);
    expect(input).toEqual({ productId: PRODUCT_ID, mediaIds: [] });
  });

  it('a changed tier sends the whole tier list; removing all tiers sends none', () => {
    const values = editOf(loaded);
    values.volumeDiscounts = [
      { minQty: 10, discountPercent: 10 },
      { minQty: 40, discountPercent: 20 },
    ];
    const input = updateInputOf(PRODUCT_ID, values, loaded);
    expect(input).toEqual({ productId: PRODUCT_ID, volumeDiscounts: values.volumeDiscounts });
    expectUpdateAccepted(input);
    expect(updateInputOf(PRODUCT_ID, { ...editOf(loaded), volumeDiscounts: [] }, loaded)).toEqual({
      productId: PRODUCT_ID,
      volumeDiscounts: [],
    });
  });

  it('tag lists are sent whole when one tag is added', () => {
    const values = editOf(loaded);
    values.feelings = [...values.feelings, 'uplifted'];
    expect(updateInputOf(PRODUCT_ID, values, loaded)).toEqual({
      productId: PRODUCT_ID,
      feelings: ['happy', 'creative', 'uplifted'],
    });
  });

  it('a field changed and changed back is not sent', () => {
    const values = editOf(loaded);
    values.title = 'Something else';
    values.title = fullProduct.title;
    values.mediaIds = [...MEDIA];
    expect(updateInputOf(PRODUCT_ID, values, loaded)).toEqual({ productId: PRODUCT_ID });
  });

  it('an edit touching many fields is accepted by the update contract, and parsing it again changes nothing', () => {
    const values = editOf(loaded);
    Object.assign(values, {
      title: '  Blue Dream Reserve  ',
      subtitle: '',
      classification: 'sativa',
      moq: 5,
      maxQty: 0,
      thcPercent: 24.5,
      mediaIds: [MEDIA[1]],
      isActive: false,
    });
    values.inventory.onHandQty = 120;
    const input = updateInputOf(PRODUCT_ID, values, loaded);
    expect(input).toEqual({
      productId: PRODUCT_ID,
      title: 'Blue Dream Reserve',
      subtitle: null,
      classification: 'sativa',
      moq: 5,
      maxQty: 0,
      thcPercent: 24.5,
      mediaIds: [MEDIA[1]],
      isActive: false,
      inventory: { onHandQty: 120 },
    });
    // The tRPC procedure parses the request again on the server.
    expect(updateProductInput.parse(input)).toEqual(input);
  });

  it('refuses values the update contract rejects instead of sending them', () => {
    expect(() => updateInputOf(PRODUCT_ID, { ...editOf(loaded), priceCents: Number.NaN }, loaded)).toThrow();
    expect(() =>
      updateInputOf(PRODUCT_ID, { ...editOf(loaded), mediaIds: [MEDIA[0], MEDIA[0]] as string[] }, loaded),
    ).toThrow();
    expect(() => updateInputOf('not-a-uuid', editOf(loaded), loaded)).toThrow();
  });
});

describe('sameValue', () => {
  it('compares form data structurally', () => {
    expect(sameValue(Number.NaN, Number.NaN)).toBe(true);
    expect(sameValue({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameValue({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe(false);
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(sameValue(null, {})).toBe(false);
    expect(sameValue([], {})).toBe(false);
    expect(sameValue('', null)).toBe(false);
    expect(sameValue(0, '0')).toBe(false);
  });
});
