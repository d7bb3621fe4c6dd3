import type { AppDeps } from '../../deps';
import { signedReadUrl } from '../media/read-url';
import type { MediaRow } from './product-media';

/** A short-lived read URL, or null when there is no media or its bytes are not (or no longer) readable. */
export const readUrlOf = async (deps: AppDeps, row: MediaRow | null | undefined): Promise<string | null> =>
  row ? signedReadUrl(deps, row) : null;
