import type { MemberRole } from './identity';

/** Capability matrix (DOMAIN §1.3). Each entry lists the membership roles allowed. */
export const CAPABILITIES = {
  readStore: ['owner', 'admin', 'manager', 'viewer', 'agent', 'staff', 'ops'],
  manageStore: ['owner', 'manager'],
  manageTeam: ['owner', 'manager'],
  /** Request uploads and delete media (DOMAIN §1.3; delete limited to the upload roles, as recommended). */
  manageMedia: ['owner', 'admin', 'manager', 'staff', 'ops'],
  /** Create, edit, restock and delete products: every vendor role that works the catalog, not viewers (issue 5). */
  manageProducts: ['owner', 'admin', 'manager', 'staff', 'ops'],
  /** Submit a license for verification (DOMAIN §5.5). */
  submitLicense: ['owner', 'admin', 'manager', 'staff', 'ops'],
  /** Delete a rejected or expired license (DOMAIN §3.1). */
  deleteLicense: ['owner', 'manager'],
  /** Build the buyer store's cart (quote, clear): everyone who works the store, not viewers. */
  shop: ['owner', 'admin', 'manager', 'staff', 'ops'],
  /** Check out, which commits the store to pay (DOMAIN §1.3 design: not staff). */
  placeOrders: ['owner', 'admin', 'manager'],
  /** Accept or reject a vendor order and fulfil or reject its lines (DOMAIN §1.3 design: not staff). */
  decideOrders: ['owner', 'admin', 'manager'],
  /** Create, edit and end vendor promo codes: a pricing decision. */
  managePromos: ['owner', 'admin', 'manager'],
  /**
   * Subscribe, open the billing portal, cancel, and read billing details (issue 13: billing procedures refuse
   * non-owner roles; DOMAIN §1.3 listed owner/admin/manager in the original, tightened here to the owner).
   */
  manageBilling: ['owner'],
} as const satisfies Record<string, readonly MemberRole[]>;

export type Capability = keyof typeof CAPABILITIES;

export const roleAllows = (role: MemberRole, capability: Capability): boolean =>
  (CAPABILITIES[capability] as readonly MemberRole[]).includes(role);
