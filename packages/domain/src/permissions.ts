import type { MemberRole } from './identity';

/** Capability matrix (DOMAIN §1.3). Each entry lists the membership roles allowed. */
export const CAPABILITIES = {
  readStore: ['owner', 'admin', 'manager', 'viewer', 'agent', 'staff', 'ops'],
  manageStore: ['owner', 'manager'],
  manageTeam: ['owner', 'manager'],
} as const satisfies Record<string, readonly MemberRole[]>;

export type Capability = keyof typeof CAPABILITIES;

export const roleAllows = (role: MemberRole, capability: Capability): boolean =>
  (CAPABILITIES[capability] as readonly MemberRole[]).includes(role);
