'use client';

import type { BrowseFacets, Classification, ProductCategory } from '@pf/domain';
import type { ComponentProps } from 'react';
import { type BrowseState, withChange } from '@/lib/marketplace-query';
import { CheckboxFacet, FacetGroup, FacetSkeleton, RadioFacet, ToggleFacet } from './facet-options';
import { RangeFilter } from './range-filter';

type RangeBound = 'priceMinCents' | 'priceMaxCents' | 'thcMin' | 'thcMax' | 'cbdMin' | 'cbdMax';
interface RangeFacet extends Pick<ComponentProps<typeof RangeFilter>, 'legend' | 'subject' | 'kind'> {
  min: RangeBound;
  max: RangeBound;
}

/** The min/max filters, each kept in a pair of `BrowseState` fields. */
const RANGES: readonly RangeFacet[] = [
  { legend: 'Price per unit', subject: 'price in dollars', kind: 'money', min: 'priceMinCents', max: 'priceMaxCents' },
  { legend: 'THC', subject: 'THC percent', kind: 'percent', min: 'thcMin', max: 'thcMax' },
  { legend: 'CBD', subject: 'CBD percent', kind: 'percent', min: 'cbdMin', max: 'cbdMax' },
];

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
      {RANGES.map(({ min, max, ...range }) => (
        <RangeFilter
          key={range.legend}
          {...range}
          min={state[min]}
          max={state[max]}
          onCommit={(low, high) => change({ [min]: low, [max]: high })}
        />
      ))}
    </div>
  );
}
