import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES, MEMBER_ROLES, parseSystemRole, roleAllows } from '../src';

describe('capability matrix', () => {
  it('lets only owners and managers manage the store and team', () => {
    const managers = MEMBER_ROLES.filter((role) => roleAllows(role, 'manageTeam'));
    expect(managers).toEqual(['owner', 'manager']);
    expect(MEMBER_ROLES.filter((role) => roleAllows(role, 'manageStore'))).toEqual(['owner', 'manager']);
    expect(MEMBER_ROLES.every((role) => roleAllows(role, 'readStore'))).toBe(true);
  });
});

describe('system roles', () => {
  it('only admin and agent, case-insensitively; membership role names do not leak in', () => {
    expect(parseSystemRole(' Admin ')).toBe('admin');
    expect(parseSystemRole('AGENT')).toBe('agent');
    expect(parseSystemRole('owner')).toBeNull();
    expect(parseSystemRole(null)).toBeNull();
  });
});

describe('errors', () => {
  it('carries a stable code and the HTTP status of the contract', () => {
    const error = new AppError('IDEMPOTENCY_KEY_REUSED', 'reused');
    expect(error.httpStatus).toBe(409);
    expect(ERROR_CODES.STATE_CONFLICT.http).toBe(422);
    expect(ERROR_CODES.RATE_LIMIT_EXCEEDED.http).toBe(429);
  });
});
