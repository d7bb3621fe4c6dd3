import { type SQL, sql } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import type { ProductAlias } from './filters';
import { remembered } from './memo';
import { preparedRowsOf } from './rows';

/**
 * How a `q` is matched. `exact`: full text (websearch syntax) over the weighted vector, ranked by ts_rank, so a
 * title hit (weight A) outranks a strain/SKU hit (B) and a subtitle hit (C). `fuzzy`: when not one product the
 * buyer could see (scope and range filters; facet selections aside) matches the words exactly, trigram word
 * similarity on the title, so "blue dreem" still finds "Blue Dream". Fuzzy matching is the fallback rather
 * than always ORed in: on common words the trigram index scan costs several times the full-text one and adds
 * nothing the exact match did not already find. `nothing`: a `q` without a single letter or digit ("%", "_",
 * "!!!") names no product, so it matches none (as the vendor's own catalog search does), cheaply.
 */
export interface Search {
  text: string;
  mode: 'exact' | 'fuzzy' | 'nothing';
}

/** Text that could name a product has at least one letter or digit, in any script. */
const NAMES_SOMETHING = /[\p{L}\p{N}]/u;

/** The search for a `q` of punctuation alone: it finds nothing, rather than falling back to everything. */
export const unmatchableSearch = (q: string | undefined): Search | null => {
  const text = q?.trim();
  return text && !NAMES_SOMETHING.test(text) ? { text, mode: 'nothing' } : null;
};

/** Computed once per execution (an InitPlan), not per row, whichever plan Postgres caches for the statement. */
const tsQuery = (text: string) => sql`(select websearch_to_tsquery('english', ${text}))`;

export const searchMatch = (table: ProductAlias, search: Search): SQL => {
  if (search.mode === 'nothing') return sql`false`;
  return search.mode === 'exact'
    ? sql`${table.searchVector} @@ ${tsQuery(search.text)}`
    : sql`${search.text} <% ${table.title}`;
};

/** Relevance: higher is better; float8, so its text form round-trips exactly through a cursor. */
export const searchScore = (table: ProductAlias, search: Search): SQL => {
  if (search.mode === 'nothing') return sql`0::float8`;
  return search.mode === 'exact'
    ? sql`ts_rank(${table.searchVector}, ${tsQuery(search.text)})::float8`
    : sql`word_similarity(${search.text}, ${table.title})::float8`;
};

/**
 * The text to search for, or null when there is nothing to search for: no `q`, or only stop words ("the",
 * "and of the"), which Postgres reduces to an empty query. Such a query browses as if `q` were absent.
 * (Punctuation alone never gets here: unmatchableSearch.) Remembered briefly (memo.ts): the answer depends on the text alone.
 */
export async function searchableText(deps: AppDeps, q: string | undefined): Promise<string | null> {
  const text = q?.trim();
  if (!text) return null;
  const [row] = await remembered(deps, `lexemes:${text}`, () =>
    preparedRowsOf<{ searchable: boolean }>(
      deps.db,
      sql`select numnode(websearch_to_tsquery('english', ${text})) > 0 as searchable`,
    ),
  );
  return row?.searchable ? text : null;
}
