'use client';

import type { BrowseFacets, Classification, ProductCategory } from '@pf/domain';
import { type BrowseState, withChange } from '@/lib/marketplace-query';
import { CheckboxFacet, FacetGroup, FacetSkeleton, RadioFacet, ToggleFacet } from './facet-options';
import { RangeFilter } from './range-filter';

interface Props {
  state: BrowseState;
  /** Counts for the current search and filters; undefined until the first answer. */
  facets: BrowseFacets | undefined;
  onChange: (next: BrowseState) => void;
  /** A storefront is one vendor already. */
  showVendors?: boolean;
}

/** Every filter the browse API takes, with the counts it answers; each change starts again at page one. */
export function FacetSidebar({ state, facets, onChange, showVendors = true }: Props) {
  const change = (patch: Partial<BrowseState>) => onChange(withChange(state, patch));
  return (
    <div className="space-y-4" data-testid="facets">
      <FacetGroup legend="Availability">
        <ToggleFacet
          label="In stock"
          count={facets?.inStock}
          checked={state.inStock}
          onChange={(inStock) => change({ inStock })}
        />
        <ToggleFacet
          label="Has volume discount"
          count={facets?.hasVolumeDiscount}
          checked={state.hasVolumeDiscount}
          onChange={(hasVolumeDiscount) => change({ hasVolumeDiscount })}
        />
      </FacetGroup>
      <FacetGroup legend="Category">
        {facets ? (
          <CheckboxFacet
            options={facets.categories}
            selected={state.categories}
            onChange={(next) => change({ categories: next as ProductCategory[] })}
          />
        ) : (
          <FacetSkeleton />
        )}
      </FacetGroup>
      <FacetGroup legend="Classification">
        {facets ? (
          <CheckboxFacet
            options={facets.classifications}
            selected={state.classifications}
            onChange={(next) => change({ classifications: next as Classification[] })}
          />
        ) : (
          <FacetSkeleton />
        )}
      </FacetGroup>
      {showVendors ? (
        <FacetGroup legend="Vendor">
          {facets ? (
            <RadioFacet
              options={facets.vendors}
              selected={state.vendorId}
              allLabel="All vendors"
              onChange={(vendorId) => change({ vendorId })}
            />
          ) : (
            <FacetSkeleton />
          )}
        </FacetGroup>
      ) : null}
      <RangeFilter
        legend="Price per unit"
        subject="price in dollars"
        kind="money"
        min={state.priceMinCents}
        max={state.priceMaxCents}
        onCommit={(priceMinCents, priceMaxCents) => change({ priceMinCents, priceMaxCents })}
      />
      <RangeFilter
        legend="THC"
        subject="THC percent"
        kind="percent"
        min={state.thcMin}
        max={state.thcMax}
        onCommit={(thcMin, thcMax) => change({ thcMin, thcMax })}
      />
      <RangeFilter
        legend="CBD"
        subject="CBD percent"
        kind="percent"
        min={state.cbdMin}
        max={state.cbdMax}
        onCommit={(cbdMin, cbdMax) => change({ cbdMin, cbdMax })}
      />
    </div>
  );
}
