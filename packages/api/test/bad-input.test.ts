import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, failureOf, registerInputFor, registerOwner, type TestApp, uniqueEmail } from '../src/testing';
import { freshIp, RELAXED_LIMITS, rowCounts } from './helpers';
import { insertOrder, orderWorld } from './orders-fixtures';
import { serveTrpc } from './trpc-http';

let app: TestApp;
let owner: Awaited<ReturnType<typeof registerOwner>>;
let buyer: Awaited<ReturnType<typeof registerOwner>>;
beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS);
  owner = await registerOwner(app);
  buyer = await registerOwner(app, { storeType: 'buyer' });
  // An order between the two, so a refused decision or cancel has something it could have touched.
  await insertOrder(app, buyer.storeId, owner.storeId);
});
afterAll(() => app.close());

const RTL_OVERRIDE = '\u202E';
const ZERO_WIDTH_SPACE = '\u200B';
const ZERO_WIDTH_JOINER = '\u200D';
const BELL = '\u0007';
const NUL = '\u0000';
const LONE_SURROGATE = '\uD800';

interface Case {
  name: string;
  input: () => Record<string, unknown>;
  /** The field paths the client is told about (each must be reported). */
  paths: string[];
}

const validRegister = () => registerInputFor({ email: uniqueEmail('bad-input') }) as unknown as Record<string, unknown>;
const withAddress = (patch: Record<string, unknown>) => {
  const input = validRegister();
  return { ...input, address: { ...(input.address as object), ...patch } };
};

const registerCases: Case[] = [
  { name: 'malformed email', input: () => ({ ...validRegister(), email: 'not-an-email' }), paths: ['email'] },
  {
    name: 'email with a zero-width space',
    input: () => ({ ...validRegister(), email: `a${ZERO_WIDTH_SPACE}b@example.com` }),
    paths: ['email'],
  },
  {
    name: 'email longer than 254',
    input: () => ({ ...validRegister(), email: `${'a'.repeat(250)}@example.com` }),
    paths: ['email'],
  },
  { name: 'weak password', input: () => ({ ...validRegister(), password: 'password' }), paths: ['password'] },
  { name: 'short password', input: () => ({ ...validRegister(), password: 'Ab1' }), paths: ['password'] },
  {
    name: 'oversized password',
    input: () => ({ ...validRegister(), password: `Aa1${'x'.repeat(200)}` }),
    paths: ['password'],
  },
  {
    name: 'oversized company name',
    input: () => ({ ...validRegister(), companyName: 'C'.repeat(10_000) }),
    paths: ['companyName'],
  },
  {
    name: 'oversized first name',
    input: () => ({ ...validRegister(), firstName: 'F'.repeat(81) }),
    paths: ['firstName'],
  },
  {
    name: 'RTL override in the company name',
    input: () => ({ ...validRegister(), companyName: `Legit${RTL_OVERRIDE}gpj.exe` }),
    paths: ['companyName'],
  },
  {
    name: 'zero-width joiner in the last name',
    input: () => ({ ...validRegister(), lastName: `Sto${ZERO_WIDTH_JOINER}ne` }),
    paths: ['lastName'],
  },
  {
    name: 'NUL in the first name',
    input: () => ({ ...validRegister(), firstName: `Ri${NUL}ley` }),
    paths: ['firstName'],
  },
  {
    name: 'control character in the address',
    input: () => withAddress({ line1: `1 Main${BELL} St` }),
    paths: ['address.line1'],
  },
  {
    name: 'lone surrogate in the dba name',
    input: () => ({ ...validRegister(), dbaName: `Shop${LONE_SURROGATE}` }),
    paths: ['dbaName'],
  },
  { name: 'whitespace-only first name', input: () => ({ ...validRegister(), firstName: '   ' }), paths: ['firstName'] },
  { name: 'missing email', input: () => ({ ...validRegister(), email: undefined }), paths: ['email'] },
  {
    name: 'unknown top-level fields',
    input: () => ({ ...validRegister(), systemRole: 'admin', isAdmin: true }),
    paths: ['systemRole', 'isAdmin'],
  },
  { name: 'unknown address field', input: () => withAddress({ geo_hash: 'dqcjq' }), paths: ['address.geo_hash'] },
  { name: 'acceptTos as a string', input: () => ({ ...validRegister(), acceptTos: 'true' }), paths: ['acceptTos'] },
  { name: 'acceptTos false', input: () => ({ ...validRegister(), acceptTos: false }), paths: ['acceptTos'] },
  { name: 'latitude as a string', input: () => withAddress({ lat: '36.15' }), paths: ['address.lat'] },
  { name: 'latitude out of range', input: () => withAddress({ lat: 91 }), paths: ['address.lat'] },
  { name: 'unknown store type', input: () => ({ ...validRegister(), storeType: 'seller' }), paths: ['storeType'] },
  { name: 'email as a number', input: () => ({ ...validRegister(), email: 42 }), paths: ['email'] },
  { name: 'address as an array', input: () => ({ ...validRegister(), address: [] }), paths: ['address'] },
  { name: 'non-US state', input: () => withAddress({ state: 'ON' }), paths: ['address.state'] },
];

const loginCases: Case[] = [
  { name: 'malformed email', input: () => ({ email: 'user@', password: 'Whatever-123' }), paths: ['email'] },
  { name: 'empty password', input: () => ({ email: owner.input.email, password: '' }), paths: ['password'] },
  {
    name: 'oversized password',
    input: () => ({ email: owner.input.email, password: 'p'.repeat(100_000) }),
    paths: ['password'],
  },
  {
    name: 'unknown field',
    input: () => ({ email: owner.input.email, password: 'Whatever-123', rememberMe: true }),
    paths: ['rememberMe'],
  },
  {
    name: 'email as an array',
    input: () => ({ email: [owner.input.email], password: 'Whatever-123' }),
    paths: ['email'],
  },
  {
    name: 'RTL override in the email',
    input: () => ({ email: `${RTL_OVERRIDE}${owner.input.email}`, password: 'Whatever-123' }),
    paths: ['email'],
  },
];

const updateCases: Case[] = [
  { name: 'malformed email', input: () => ({ email: 'sales-at-example.com' }), paths: ['email'] },
  { name: 'empty company name', input: () => ({ companyName: '' }), paths: ['companyName'] },
  { name: 'oversized description', input: () => ({ description: 'd'.repeat(2001) }), paths: ['description'] },
  {
    name: 'RTL override in the company name',
    input: () => ({ companyName: `Shop${RTL_OVERRIDE}` }),
    paths: ['companyName'],
  },
  {
    name: 'zero-width space in a category',
    input: () => ({ categories: ['flower', `edi${ZERO_WIDTH_SPACE}bles`] }),
    paths: ['categories.1'],
  },
  {
    name: 'too many categories',
    input: () => ({ categories: Array.from({ length: 21 }, (_, i) => `c${i}`) }),
    paths: ['categories'],
  },
  { name: 'control character in the phone', input: () => ({ phone: `555${BELL}0100` }), paths: ['phone'] },
  { name: 'phone as a number', input: () => ({ phone: 5550100 }), paths: ['phone'] },
  { name: 'unknown social network', input: () => ({ social: { tiktok: '@shop' } }), paths: ['social.tiktok'] },
  {
    name: 'unknown fields',
    input: () => ({ ownerUserId: randomUUID(), kycStatus: 'verified' }),
    paths: ['ownerUserId', 'kycStatus'],
  },
  { name: 'categories as a string', input: () => ({ categories: 'flower' }), paths: ['categories'] },
];

const validInvite = () => ({ email: uniqueEmail('invitee'), firstName: 'In', lastName: 'Vitee', role: 'staff' });
const inviteCases: Case[] = [
  { name: 'malformed email', input: () => ({ ...validInvite(), email: 'invitee@@example.com' }), paths: ['email'] },
  { name: 'a system role as membership role', input: () => ({ ...validInvite(), role: 'admin' }), paths: ['role'] },
  { name: 'agent as membership role', input: () => ({ ...validInvite(), role: 'agent' }), paths: ['role'] },
  { name: 'unknown role', input: () => ({ ...validInvite(), role: 'superuser' }), paths: ['role'] },
  {
    name: 'control character in the first name',
    input: () => ({ ...validInvite(), firstName: `In${NUL}` }),
    paths: ['firstName'],
  },
  {
    name: 'RTL override in the last name',
    input: () => ({ ...validInvite(), lastName: `${RTL_OVERRIDE}eetiv` }),
    paths: ['lastName'],
  },
  { name: 'oversized last name', input: () => ({ ...validInvite(), lastName: 'L'.repeat(81) }), paths: ['lastName'] },
  { name: 'unknown field', input: () => ({ ...validInvite(), storeId: randomUUID() }), paths: ['storeId'] },
  { name: 'missing role', input: () => ({ ...validInvite(), role: undefined }), paths: ['role'] },
  { name: 'role as a number', input: () => ({ ...validInvite(), role: 1 }), paths: ['role'] },
];

const uuid = () => randomUUID();
const cartLine = (patch: Record<string, unknown> = {}) => ({
  productId: uuid(),
  vendorStoreId: uuid(),
  quantity: 1,
  ...patch,
});
const quoteCases: Case[] = [
  { name: 'zero quantity', input: () => ({ items: [cartLine({ quantity: 0 })] }), paths: ['items.0.quantity'] },
  { name: 'negative quantity', input: () => ({ items: [cartLine({ quantity: -2 })] }), paths: ['items.0.quantity'] },
  { name: 'quantity 10⁹', input: () => ({ items: [cartLine({ quantity: 1e9 })] }), paths: ['items.0.quantity'] },
  { name: 'fractional quantity', input: () => ({ items: [cartLine({ quantity: 0.5 })] }), paths: ['items.0.quantity'] },
  {
    name: 'quantity as a string',
    input: () => ({ items: [cartLine({ quantity: '2' })] }),
    paths: ['items.0.quantity'],
  },
  {
    name: 'product id not a uuid',
    input: () => ({ items: [cartLine({ productId: '1 OR 1=1' })] }),
    paths: ['items.0.productId'],
  },
  { name: 'a client price', input: () => ({ items: [cartLine({ priceCents: 1 })] }), paths: ['items.0.priceCents'] },
  { name: '500 lines', input: () => ({ items: Array.from({ length: 500 }, () => cartLine()) }), paths: ['items'] },
  { name: 'no lines', input: () => ({ items: [] }), paths: ['items'] },
  { name: 'items as an object', input: () => ({ items: { 0: cartLine() } }), paths: ['items'] },
  {
    name: 'RTL override in a promo code',
    input: () => ({ items: [cartLine()], vendorPromos: [{ vendorStoreId: uuid(), code: `SAVE${RTL_OVERRIDE}` }] }),
    paths: ['vendorPromos.0.code'],
  },
  {
    name: 'unknown top-level field',
    input: () => ({ items: [cartLine()], buyerStoreId: uuid() }),
    paths: ['buyerStoreId'],
  },
];
const submitCases: Case[] = [
  { name: 'cart id not a uuid', input: () => ({ cartId: 'cart-1', paymentMethod: 'cash' }), paths: ['cartId'] },
  {
    name: 'unknown payment method',
    input: () => ({ cartId: uuid(), paymentMethod: 'card' }),
    paths: ['paymentMethod'],
  },
  { name: 'a float tip', input: () => ({ cartId: uuid(), paymentMethod: 'cash', tip: 2.5 }), paths: ['tip'] },
  {
    name: 'non-US shipping state',
    input: () => ({
      cartId: uuid(),
      paymentMethod: 'cash',
      shippingAddress: { line1: '1 Main', city: 'Toronto', state: 'ON', postalCode: '74103', lat: 1, lng: 1 },
    }),
    paths: ['shippingAddress.state'],
  },
  { name: 'missing cart id', input: () => ({ paymentMethod: 'cash' }), paths: ['cartId'] },
];
const promoCases: Case[] = [
  {
    name: 'fractional basis points',
    input: () => ({ kind: 'percent', code: 'TEN', percentBps: 10.5 }),
    paths: ['percentBps'],
  },
  { name: 'over 100 %', input: () => ({ kind: 'percent', code: 'TEN', percentBps: 10_001 }), paths: ['percentBps'] },
  {
    name: 'negative amount',
    input: () => ({ kind: 'fixed', code: 'FIVE', amountCents: -500 }),
    paths: ['amountCents'],
  },
  { name: 'unknown kind', input: () => ({ kind: 'bogo', code: 'FREE' }), paths: ['kind'] },
  { name: 'code with spaces', input: () => ({ kind: 'fixed', code: 'SAVE 5', amountCents: 500 }), paths: ['code'] },
  {
    name: 'expiry without a zone',
    input: () => ({ kind: 'fixed', code: 'FIVE', amountCents: 500, expiresAt: '2030-01-01' }),
    paths: ['expiresAt'],
  },
  {
    name: 'used count from the client',
    input: () => ({ kind: 'fixed', code: 'FIVE', amountCents: 500, usedCount: 0 }),
    paths: ['usedCount'],
  },
];

const listCases: Case[] = [
  { name: 'unknown status', input: () => ({ status: 'shipped' }), paths: ['status'] },
  { name: 'limit 0', input: () => ({ limit: 0 }), paths: ['limit'] },
  { name: 'limit 1000', input: () => ({ limit: 1000 }), paths: ['limit'] },
  { name: 'fractional limit', input: () => ({ limit: 2.5 }), paths: ['limit'] },
  { name: 'date that is not a date', input: () => ({ dateFrom: 'yesterday' }), paths: ['dateFrom'] },
  { name: 'date without a zone', input: () => ({ dateTo: '2026-01-01T00:00:00' }), paths: ['dateTo'] },
  {
    name: 'range ending before it starts',
    input: () => ({ dateFrom: '2026-02-01T00:00:00Z', dateTo: '2026-01-01T00:00:00Z' }),
    paths: ['dateTo'],
  },
  { name: 'oversized search', input: () => ({ q: 'q'.repeat(101) }), paths: ['q'] },
  { name: 'RTL override in the search', input: () => ({ q: `Blue${RTL_OVERRIDE}` }), paths: ['q'] },
  { name: 'a cursor we never issued', input: () => ({ cursor: 'bm90LWEtY3Vyc29y' }), paths: ['cursor'] },
  { name: 'cursor as a number', input: () => ({ cursor: 5 }), paths: ['cursor'] },
  { name: 'another store as a filter', input: () => ({ vendorStoreId: uuid() }), paths: ['vendorStoreId'] },
];
const orderIdCases: Case[] = [
  { name: 'order id not a uuid', input: () => ({ orderId: '1 OR 1=1' }), paths: ['orderId'] },
  { name: 'order id as a number', input: () => ({ orderId: 1042 }), paths: ['orderId'] },
  { name: 'missing order id', input: () => ({}), paths: ['orderId'] },
  { name: 'unknown field', input: () => ({ orderId: uuid(), storeId: uuid() }), paths: ['storeId'] },
];
const decideCases: Case[] = [
  { name: 'unknown decision', input: () => ({ orderId: uuid(), decision: 'approve' }), paths: ['decision'] },
  { name: 'a line decision word', input: () => ({ orderId: uuid(), decision: 'fulfill' }), paths: ['decision'] },
  { name: 'missing decision', input: () => ({ orderId: uuid() }), paths: ['decision'] },
  { name: 'order id not a uuid', input: () => ({ orderId: 'abc', decision: 'accept' }), paths: ['orderId'] },
  {
    name: 'a status from the client',
    input: () => ({ orderId: uuid(), decision: 'accept', status: 'ready_for_dispatch' }),
    paths: ['status'],
  },
];
const line = (patch: Record<string, unknown>) => ({
  orderId: uuid(),
  lineItemId: uuid(),
  decision: 'reject',
  ...patch,
});
const decideLineCases: Case[] = [
  { name: 'line id not a uuid', input: () => line({ lineItemId: 'line-1' }), paths: ['lineItemId'] },
  { name: 'an order decision word', input: () => line({ decision: 'accept' }), paths: ['decision'] },
  { name: 'oversized note', input: () => line({ note: 'n'.repeat(501) }), paths: ['note'] },
  { name: 'NUL in the note', input: () => line({ note: `Sold${NUL} out` }), paths: ['note'] },
  { name: 'note as a number', input: () => line({ note: 7 }), paths: ['note'] },
  { name: 'a new quantity from the client', input: () => line({ qty: 1 }), paths: ['qty'] },
  { name: 'missing line id', input: () => line({ lineItemId: undefined }), paths: ['lineItemId'] },
];
const cancelCases: Case[] = [
  { name: 'order id not a uuid', input: () => ({ orderId: 'order-7' }), paths: ['orderId'] },
  {
    name: 'RTL override in the reason',
    input: () => ({ orderId: uuid(), reason: `oops${RTL_OVERRIDE}` }),
    paths: ['reason'],
  },
  { name: 'oversized reason', input: () => ({ orderId: uuid(), reason: 'r'.repeat(501) }), paths: ['reason'] },
  { name: 'a refund from the client', input: () => ({ orderId: uuid(), refundCents: 100 }), paths: ['refundCents'] },
];

const procedures: Record<string, { cases: Case[]; run: (input: Record<string, unknown>) => Promise<unknown> }> = {
  'auth.register': {
    cases: registerCases,
    run: (input) => app.call({ idempotencyKey: randomUUID(), ip: freshIp() }).caller.auth.register(input as never),
  },
  'auth.login': {
    cases: loginCases,
    run: (input) => app.call({ ip: freshIp() }).caller.auth.login(input as never),
  },
  'store.me.update': {
    cases: updateCases,
    run: (input) => app.call({ token: owner.token }).caller.store.me.update(input as never),
  },
  'cart.quote': {
    cases: quoteCases,
    run: (input) => app.call({ token: buyer.token }).caller.cart.quote(input as never),
  },
  'checkout.submit': {
    cases: submitCases,
    run: (input) =>
      app.call({ token: buyer.token, idempotencyKey: randomUUID() }).caller.checkout.submit(input as never),
  },
  'vendorPromos.create': {
    cases: promoCases,
    run: (input) =>
      app.call({ token: owner.token, idempotencyKey: randomUUID() }).caller.vendorPromos.create(input as never),
  },
  'vendorOrders.list': {
    cases: listCases,
    run: (input) => app.call({ token: owner.token }).caller.vendorOrders.list(input as never),
  },
  'vendorOrders.get': {
    cases: orderIdCases,
    run: (input) => app.call({ token: owner.token }).caller.vendorOrders.get(input as never),
  },
  'vendorOrders.decide': {
    cases: decideCases,
    run: (input) =>
      app.call({ token: owner.token, idempotencyKey: randomUUID() }).caller.vendorOrders.decide(input as never),
  },
  'vendorOrders.decideLine': {
    cases: decideLineCases,
    run: (input) =>
      app.call({ token: owner.token, idempotencyKey: randomUUID() }).caller.vendorOrders.decideLine(input as never),
  },
  'buyerOrders.list': {
    cases: listCases,
    run: (input) => app.call({ token: buyer.token }).caller.buyerOrders.list(input as never),
  },
  'buyerOrders.get': {
    cases: orderIdCases,
    run: (input) => app.call({ token: buyer.token }).caller.buyerOrders.get(input as never),
  },
  'buyerOrders.cancel': {
    cases: cancelCases,
    run: (input) =>
      app.call({ token: buyer.token, idempotencyKey: randomUUID() }).caller.buyerOrders.cancel(input as never),
  },
  'store.members.invite': {
    cases: inviteCases,
    run: (input) =>
      app.call({ token: owner.token, idempotencyKey: randomUUID() }).caller.store.members.invite(input as never),
  },
};

describe.each(Object.entries(procedures))('%s', (_path, { cases, run }) => {
  it.each(cases.map((c) => [c.name, c] as const))(
    '%s → VALIDATION_ERROR naming the field, nothing written',
    async (_name, c) => {
      const before = await rowCounts(app);
      const ordersBefore = await orderWorld(app);
      const hashesBefore = { ...app.deps.hasher.stats };
      const failure = await failureOf(run(c.input()));
      expect(failure.code).toBe('VALIDATION_ERROR');
      const paths = failure.violations.map((v) => v.path);
      for (const path of c.paths) expect(paths).toContain(path);
      expect(await rowCounts(app)).toEqual(before);
      expect(await orderWorld(app)).toEqual(ordersBefore);
      // Refused input never reaches Argon2.
      expect(app.deps.hasher.stats.hashes).toBe(hashesBefore.hashes);
      expect(app.deps.hasher.stats.verifies).toBe(hashesBefore.verifies);
    },
  );
});

describe('over real HTTP', () => {
  let server: Awaited<ReturnType<typeof serveTrpc>>;
  beforeAll(async () => {
    server = await serveTrpc(app.deps, app.router);
  });
  afterAll(() => server.close());

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(server.url(path), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), ...headers },
      body,
    });

  it('answers malformed JSON with 400 VALIDATION_ERROR, violations and no stack trace', async () => {
    const before = await rowCounts(app);
    const response = await post('auth.register', '{"email": "a@example.com", "password": ');
    expect(response.status).toBe(400);
    const text = await response.text();
    const body = JSON.parse(text) as { error: { message: string; data: Record<string, unknown> } };
    expect(body.error.data.code).toBe('VALIDATION_ERROR');
    expect(Array.isArray(body.error.data.violations)).toBe(true);
    expect(body.error.data.httpStatus).toBe(400);
    expect(text).not.toMatch(/stack|node_modules|\.ts:\d+|at [A-Za-z]+ \(/);
    expect(await rowCounts(app)).toEqual(before);
  });

  it('answers well-formed JSON with bad fields with 400 and one violation per field path', async () => {
    const before = await rowCounts(app);
    const input = { ...validRegister(), email: 'nope', acceptTos: 'yes', isAdmin: true };
    const response = await post('auth.register', JSON.stringify(input));
    expect(response.status).toBe(400);
    const text = await response.text();
    const body = JSON.parse(text) as {
      error: { data: { code: string; violations: { path: string; code: string; message: string }[] } };
    };
    expect(body.error.data.code).toBe('VALIDATION_ERROR');
    expect(body.error.data.violations.map((v) => v.path).sort()).toEqual(['acceptTos', 'email', 'isAdmin']);
    for (const violation of body.error.data.violations) expect(violation.message).toBeTruthy();
    expect(text).not.toMatch(/stack|node_modules|\.ts:\d+/);
    expect(response.headers.get('x-request-id')).toBeTruthy();
    expect(await rowCounts(app)).toEqual(before);
  });

  it('answers a missing Idempotency-Key with 400 VALIDATION_ERROR over HTTP too', async () => {
    const response = await fetch(server.url('auth.register'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(validRegister()),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { data: { code: string } } };
    expect(body.error.data.code).toBe('VALIDATION_ERROR');
  });
});
