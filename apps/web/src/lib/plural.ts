/** Counted nouns for US English: "1 product", "0 products", "1,204 products". */

const pluralRules = new Intl.PluralRules('en-US');
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export interface NounForms {
  one: string;
  other: string;
}

/** The form of `forms` that goes with `count`. */
export const nounFor = (count: number, forms: NounForms): string =>
  pluralRules.select(count) === 'one' ? forms.one : forms.other;

/** The count, with thousands separators, and the noun in the matching form. */
export const countOf = (count: number, forms: NounForms): string => `${integer.format(count)} ${nounFor(count, forms)}`;

export const PRODUCT: NounForms = { one: 'product', other: 'products' };
