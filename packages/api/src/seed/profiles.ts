import type { Address, LicenseType, ProductCategory } from '@pf/domain';

/** Who the demo marketplace is made of. Emails are the idempotency keys: an existing email is left alone. */

export const DEMO_PASSWORD = 'Demo-pass-2026';

export const DEMO_ACCOUNTS = {
  admin: { email: 'admin@packfinderz.test', password: DEMO_PASSWORD, label: 'Admin (compliance & payouts)' },
  agent: { email: 'agent@packfinderz.test', password: DEMO_PASSWORD, label: 'Delivery agent' },
  buyer: { email: 'buyer@packfinderz.test', password: DEMO_PASSWORD, label: 'Buyer — Green Leaf Dispensary' },
  vendor: { email: 'vendor@packfinderz.test', password: DEMO_PASSWORD, label: 'Vendor — Sunrise Cultivation' },
} as const;

export interface StoreProfile {
  owner: { email: string; firstName: string; lastName: string };
  companyName: string;
  description: string;
  phone: string;
  address: Address;
  license: { type: LicenseType; number: string };
}

export interface VendorProfile extends StoreProfile {
  /** Prefix of every SKU, and the seed of this vendor's catalog (same code, same catalog). */
  code: string;
  products: number;
  /** Relative share of each category in the catalog; absent categories are not sold. */
  mix: Partial<Record<ProductCategory, number>>;
  /** Hue (0–360) of the generated logo. */
  logoHue: number;
}

const address = (
  line1: string,
  city: string,
  state: Address['state'],
  postalCode: string,
  lat: number,
  lng: number,
): Address => ({ line1, city, state, postalCode, country: 'US', lat, lng });

export const DEMO_BUYER: StoreProfile = {
  owner: { email: DEMO_ACCOUNTS.buyer.email, firstName: 'Casey', lastName: 'Buyer' },
  companyName: 'Green Leaf Dispensary',
  description: 'Neighborhood dispensary in downtown Oklahoma City.',
  phone: '(405) 555-0142',
  address: address('120 N Robinson Ave', 'Oklahoma City', 'OK', '73102', 35.4692, -97.5164),
  license: { type: 'dispensary', number: 'DAAA-7QKM-2R4T' },
};

/** Four Oklahoma vendors (the demo buyer's market) and one in Colorado, which OK buyers must never see. */
export const DEMO_VENDORS: readonly VendorProfile[] = [
  {
    owner: { email: DEMO_ACCOUNTS.vendor.email, firstName: 'Morgan', lastName: 'Vendor' },
    companyName: 'Sunrise Cultivation',
    description: 'Family-run indoor grow in Tulsa: small-batch flower, pre-rolls and live resin since 2019.',
    phone: '(918) 555-0110',
    address: address('2200 S Utica Ave', 'Tulsa', 'OK', '74114', 36.1306, -95.9676),
    license: { type: 'grower', number: 'GAAA-4KZ7-P2QM' },
    code: 'SRC',
    products: 96,
    mix: { flower: 40, pre_roll: 20, concentrate: 8, cart: 8, vape: 4, seed: 4, seedling: 4, edible: 4 },
    logoHue: 32,
  },
  {
    owner: { email: 'reddirt@packfinderz.test', firstName: 'Dana', lastName: 'Whitehorse' },
    companyName: 'Red Dirt Botanicals',
    description: 'Norman kitchen and lab making gummies, chocolates, drinks, tinctures and topicals.',
    phone: '(405) 555-0187',
    address: address('301 E Main St', 'Norman', 'OK', '73069', 35.2207, -97.4412),
    license: { type: 'producer', number: 'PAAA-9HX3-L6VC' },
    code: 'RDB',
    products: 72,
    mix: { edible: 34, beverage: 14, tincture: 16, topical: 14, pre_roll: 6 },
    logoHue: 8,
  },
  {
    owner: { email: 'highplains@packfinderz.test', firstName: 'Luis', lastName: 'Ortega' },
    companyName: 'High Plains Extracts',
    description: 'Solventless and hydrocarbon extracts, cartridges and disposables from Oklahoma City.',
    phone: '(405) 555-0163',
    address: address('1100 NW 63rd St', 'Oklahoma City', 'OK', '73116', 35.5376, -97.5339),
    license: { type: 'producer', number: 'PAAA-2WD8-N5JB' },
    code: 'HPX',
    products: 84,
    mix: { concentrate: 32, cart: 28, vape: 22, pre_roll: 10 },
    logoHue: 268,
  },
  {
    owner: { email: 'emeraldvalley@packfinderz.test', firstName: 'Priya', lastName: 'Shah' },
    companyName: 'Emerald Valley Farms',
    description: 'Sun-grown and greenhouse flower, genetics and growing supplies from Lawton.',
    phone: '(580) 555-0129',
    address: address('4500 W Gore Blvd', 'Lawton', 'OK', '73505', 34.6036, -98.4445),
    license: { type: 'grower', number: 'GAAA-6TB1-Y8RS' },
    code: 'EVF',
    products: 64,
    mix: { flower: 34, pre_roll: 14, seed: 12, seedling: 12, accessory: 12, tincture: 4 },
    logoHue: 140,
  },
  {
    owner: { email: 'bluesky@packfinderz.test', firstName: 'Jamie', lastName: 'Kowalski' },
    companyName: 'Blue Sky Growers',
    description: 'Denver craft cultivator with a full menu for Colorado retailers.',
    phone: '(303) 555-0154',
    address: address('1600 Wynkoop St', 'Denver', 'CO', '80202', 39.7527, -105.0003),
    license: { type: 'grower', number: '403R-00871' },
    code: 'BSG',
    products: 80,
    mix: { flower: 30, pre_roll: 14, cart: 14, edible: 16, concentrate: 10, vape: 10 },
    logoHue: 205,
  },
];
