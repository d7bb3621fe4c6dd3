import type { KycStatus, MemberRole, StoreType, SystemRole, UserDto } from '@pf/domain';

/** The caller as the server knows it right now: rebuilt from the session and the database per request. */
export interface Principal {
  sessionId: string;
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  systemRole: SystemRole | null;
  store: ActiveStore | null;
  /** The user row as loaded for this request (saves `auth.me` a second read). */
  profile: UserDto;
}

export interface ActiveStore {
  id: string;
  name: string;
  type: StoreType;
  role: MemberRole;
  kycStatus: KycStatus;
}

/** Request facts that services need for limits and the audit trail. */
export interface RequestMeta {
  ip: string;
  requestId: string;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  sessionId: string;
}
