import 'server-only';
import { randomUUID } from 'node:crypto';
import { adminLogin, browserSessionSecretFor, clientIp, login, logout, switchStore } from '@pf/api';
import { loginInput } from '@pf/domain';
import type { NextAuthOptions } from 'next-auth';
import { decode } from 'next-auth/jwt';
import CredentialsProvider from 'next-auth/providers/credentials';

import { signInErrorCode } from '@/lib/auth-messages';
import { getWebRuntime } from './runtime';

declare module 'next-auth/jwt' {
  interface JWT {
    /** Server session id (KV `session:<sid>`); never sent to browser JavaScript. */
    sid?: string;
  }
}

const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

export async function authSecret() {
  const { deps } = await getWebRuntime();
  return browserSessionSecretFor(deps.config);
}

/** Reads the server session id out of the (encrypted) next-auth cookie. */
export async function sessionIdFromCookies(read: (name: string) => string | undefined): Promise<string | null> {
  const raw = SESSION_COOKIES.map(read).find(Boolean);
  if (!raw) return null;
  const token = await decode({ token: raw, secret: await authSecret() }).catch(() => null);
  return token?.sid ?? null;
}

/**
 * Browser sessions: next-auth keeps an encrypted cookie holding only the server session id; every request
 * is authorized from that session exactly like a bearer token, so sign-out and removal act at once.
 */
export async function getAuthOptions(): Promise<NextAuthOptions> {
  const { deps } = await getWebRuntime();
  return {
    secret: await authSecret(),
    session: { strategy: 'jwt', maxAge: deps.config.REFRESH_TOKEN_TTL_MINUTES * 60 },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'Email and password',
        credentials: { email: { type: 'email' }, password: { type: 'password' }, entrance: { type: 'text' } },
        async authorize(credentials, req) {
          const parsed = loginInput.safeParse({ email: credentials?.email, password: credentials?.password });
          if (!parsed.success) throw new Error('VALIDATION_ERROR');
          const headers = new Headers(req.headers as Record<string, string>);
          const meta = { ip: clientIp(headers, deps.config.TRUSTED_PROXY_HOPS), requestId: randomUUID() };
          try {
            const signIn = credentials?.entrance === 'admin' ? adminLogin : login;
            const { result, tokens } = await signIn(deps, parsed.data, meta);
            return {
              id: result.user.id,
              email: result.user.email,
              name: `${result.user.firstName} ${result.user.lastName}`,
              sid: tokens.sessionId,
            };
          } catch (error) {
            // The error code reaches the sign-in form, which turns it into a sentence.
            throw new Error(signInErrorCode(error));
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user, trigger, session }) {
        if (user && 'sid' in user) token.sid = user.sid as string;
        const storeId = (session as { storeId?: unknown } | undefined)?.storeId;
        if (trigger === 'update' && typeof storeId === 'string' && token.sid && token.sub) {
          const issued = await switchStore(deps, { userId: token.sub, sessionId: token.sid }, storeId);
          token.sid = issued.sessionId;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub } } as typeof session;
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sid) await logout(deps, token.sid);
      },
    },
  };
}
