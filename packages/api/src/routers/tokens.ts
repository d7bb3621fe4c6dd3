import type { IssuedTokens } from '../services/types';
import type { Context } from '../trpc/context';

export const TOKEN_HEADER = 'x-pf-token';
export const REFRESH_HEADER = 'x-pf-refresh-token';
export const SESSION_HEADER = 'x-pf-session';

/** Every flow that issues tokens delivers both the same way: response headers, never the body. */
export function deliverTokens(ctx: Context, tokens: IssuedTokens) {
  ctx.resHeaders.set(TOKEN_HEADER, tokens.accessToken);
  ctx.resHeaders.set(REFRESH_HEADER, tokens.refreshToken);
  ctx.resHeaders.set(SESSION_HEADER, tokens.sessionId);
}
