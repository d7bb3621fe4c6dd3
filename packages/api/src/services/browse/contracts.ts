import { browseFacets, browsePage, browseProductsInput, storefrontVendorDto, uuidSchema } from '@pf/domain';
import { z } from 'zod';

/**
 * What browse answers beyond the domain's page: `prevCursor` (with `direction: 'backward'`) reaches the page
 * before this one, and the sidebar counts come with every page (served from a short cache, see facets.ts).
 */
export const browseResult = browsePage.extend({
  prevCursor: z.string().nullable(),
  facets: browseFacets,
});
export type BrowseResult = z.infer<typeof browseResult>;

/** One vendor's storefront: the browse filters, restricted to that vendor (its `vendorId` is required). */
export const storefrontInput = z.object({ vendorId: uuidSchema }).and(browseProductsInput);
export type StorefrontQuery = z.output<typeof storefrontInput>;

export const storefrontResult = browseResult.extend({ vendor: storefrontVendorDto });
export type StorefrontResult = z.infer<typeof storefrontResult>;
