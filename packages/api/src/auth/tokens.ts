import { createSecretKey } from 'node:crypto';
import { AppError, type Clock } from '@pf/domain';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';

export interface TokenSettings {
  secret: string;
  issuer: string;
  audience: string;
  accessTtlSeconds: number;
}

export interface AccessClaims {
  userId: string;
  sessionId: string;
}

const TOKEN_USE = 'access';

/** Short-lived access JWTs (HS256). Authority (roles, store) is never read from claims, only from the session. */
export function createTokenService(settings: TokenSettings, clock: Clock) {
  // A KeyObject built once: jose would otherwise import the raw secret again on every verify.
  const key = createSecretKey(Buffer.from(settings.secret, 'utf8'));
  const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);

  async function verify(token: string, { allowExpired = false } = {}): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms: ['HS256'],
        issuer: settings.issuer,
        audience: settings.audience,
        requiredClaims: ['sub', 'sid', 'iat', 'exp', 'use'],
        currentDate: clock.now(),
        clockTolerance: allowExpired ? Number.MAX_SAFE_INTEGER : 5,
      });
      if (payload.use !== TOKEN_USE || typeof payload.sid !== 'string' || typeof payload.sub !== 'string') {
        throw new AppError('UNAUTHORIZED', 'invalid token');
      }
      return { userId: payload.sub, sessionId: payload.sid };
    } catch (error) {
      if (error instanceof AppError) throw error;
      const message = error instanceof joseErrors.JWTExpired ? 'token expired' : 'invalid token';
      throw new AppError('UNAUTHORIZED', message);
    }
  }

  return {
    mint({ userId, sessionId }: AccessClaims): Promise<string> {
      const iat = nowSeconds();
      return new SignJWT({ sid: sessionId, use: TOKEN_USE })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuer(settings.issuer)
        .setAudience(settings.audience)
        .setSubject(userId)
        .setIssuedAt(iat)
        .setExpirationTime(iat + settings.accessTtlSeconds)
        .sign(key);
    },
    verify,
  };
}
export type TokenService = ReturnType<typeof createTokenService>;
