import type { MeDto } from '@pf/domain';
import {
  Building2,
  CreditCard,
  FileBadge,
  History,
  Home,
  Inbox,
  LayoutDashboard,
  type LucideIcon,
  Package,
  ShieldCheck,
  ShoppingCart,
  TicketPercent,
  Truck,
  Users,
} from 'lucide-react';

export interface NavItem {
  href: string;
  label: string;
  icon: LucideIcon;
  /** A shorter name for the phone's bottom bar, where every entry shares 390 px. */
  shortLabel?: string;
  /** Other path prefixes that belong to this section (e.g. product pages reached from the marketplace). */
  includes?: readonly string[];
}

export type Area = 'buyer' | 'vendor' | 'agent' | 'admin';

/** The area a signed-in user lands in, from the server's view of them (system role first, then store type). */
export function homeAreaOf(me: MeDto): Area | 'invitations' {
  if (me.user.systemRole === 'admin') return 'admin';
  if (me.activeStore) return me.activeStore.type;
  if (me.user.systemRole === 'agent') return 'agent';
  return 'invitations';
}

export const homePathOf = (me: MeDto) => `/${homeAreaOf(me)}`;

const canManageTeam = (me: MeDto) => me.activeStore?.role === 'owner' || me.activeStore?.role === 'manager';

/** Only what the session's role may use (UI.md). */
export function navigationFor(me: MeDto): NavItem[] {
  if (me.user.systemRole === 'admin') {
    return [
      { href: '/admin', label: 'Overview', icon: LayoutDashboard },
      { href: '/admin/agents', label: 'Agents', icon: Truck },
      { href: '/admin/licenses', label: 'Licenses', icon: ShieldCheck },
      { href: '/admin/billing', label: 'Billing', icon: CreditCard },
      { href: '/admin/audit', label: 'Audit log', icon: History },
    ];
  }
  const items: NavItem[] = [];
  if (me.activeStore?.type === 'buyer') {
    items.push(
      { href: '/buyer', label: 'Home', icon: Home },
      {
        href: '/buyer/marketplace',
        label: 'Marketplace',
        icon: ShoppingCart,
        includes: ['/buyer/products', '/buyer/vendors'],
      },
    );
  }
  if (me.activeStore?.type === 'vendor') {
    items.push(
      { href: '/vendor', label: 'Home', icon: Home },
      { href: '/vendor/products', label: 'Products', icon: Package },
      // Every member reads the codes (issue 11); only managePromos roles see the create and expire actions.
      { href: '/vendor/promos', label: 'Promo codes', shortLabel: 'Promos', icon: TicketPercent },
    );
    // Billing is the owner's (issue 13); other roles see the listing status on the home page.
    if (me.activeStore.role === 'owner') items.push({ href: '/vendor/billing', label: 'Billing', icon: CreditCard });
  }
  if (!me.activeStore && me.user.systemRole === 'agent')
    items.push({ href: '/agent', label: 'Deliveries', icon: Truck });
  if (me.activeStore) {
    items.push(
      { href: '/settings/compliance', label: 'Compliance', shortLabel: 'Licenses', icon: FileBadge },
      { href: '/settings/store', label: 'Store', icon: Building2 },
    );
  }
  if (canManageTeam(me)) items.push({ href: '/settings/team', label: 'Team', icon: Users });
  if (me.stores.some((store) => store.membershipStatus === 'invited') || !me.activeStore) {
    items.push({ href: '/invitations', label: 'Invitations', icon: Inbox });
  }
  return items;
}
