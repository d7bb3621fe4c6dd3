import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for api.stripe.com, reached through the SDK's own host/port/protocol options: the Stripe
 * adapter runs unmodified (real SDK, real HTTP, form-encoded bodies), only the far end is ours. It keeps
 * customers, checkout sessions and subscriptions, honours Idempotency-Key like Stripe (same key, same
 * answer) and records every request so tests can check what was sent.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  stripeVersion: string | null;
  authorization: string | null;
  form: Record<string, string>;
}

type Obj = Record<string, unknown>;
const id = (prefix: string) => `${prefix}_fake_${randomBytes(8).toString('hex')}`;
const unix = (ms: number) => Math.floor(ms / 1000);

async function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
}

export interface FakeStripe {
  host: string;
  port: number;
  requests: RecordedRequest[];
  /** What Stripe does once the customer pays on the hosted checkout page. */
  completeCheckout(sessionId: string): string;
  close(): Promise<void>;
}

export async function startFakeStripe(now: () => number = Date.now): Promise<FakeStripe> {
  const requests: RecordedRequest[] = [];
  const idempotent = new Map<string, { status: number; body: Obj }>();
  const customers = new Map<string, Obj>();
  const sessions = new Map<string, Record<string, string> & { id: string }>();
  const subscriptions = new Map<string, Obj>();

  const subscriptionFrom = (session: Record<string, string> & { id: string }): Obj => {
    const start = unix(now());
    const trialDays = Number(session['subscription_data[trial_period_days]'] ?? 0);
    const end = trialDays > 0 ? start + trialDays * 86_400 : start + 30 * 86_400;
    return {
      id: id('sub'),
      object: 'subscription',
      customer: session.customer,
      status: trialDays > 0 ? 'trialing' : 'active',
      cancel_at_period_end: false,
      canceled_at: null,
      ended_at: null,
      trial_end: trialDays > 0 ? end : null,
      created: start,
      metadata: {
        store_id: session['subscription_data[metadata][store_id]'],
        plan_id: session['subscription_data[metadata][plan_id]'],
      },
      items: {
        object: 'list',
        data: [
          { current_period_start: start, current_period_end: end, price: { id: session['line_items[0][price]'] } },
        ],
      },
    };
  };

  const notFound = (what: string) => ({
    status: 404,
    body: { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such ${what}` } },
  });

  function route(method: string, path: string, form: Record<string, string>): { status: number; body: Obj } {
    if (method === 'POST' && path === '/v1/customers') {
      const customer = { id: id('cus'), object: 'customer', name: form.name, email: form.email ?? null };
      customers.set(customer.id, customer);
      return { status: 200, body: customer };
    }
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      if (!customers.has(form.customer ?? '')) return notFound('customer');
      const session = { ...form, id: id('cs') };
      sessions.set(session.id, session);
      return {
        status: 200,
        body: {
          id: session.id,
          object: 'checkout.session',
          mode: form.mode,
          url: `https://checkout.fake/${session.id}`,
        },
      };
    }
    if (method === 'POST' && path === '/v1/billing_portal/sessions') {
      if (!customers.has(form.customer ?? '')) return notFound('customer');
      const portal = id('bps');
      return {
        status: 200,
        body: { id: portal, object: 'billing_portal.session', url: `https://portal.fake/${portal}` },
      };
    }
    const subscriptionPath = /^\/v1\/subscriptions\/([^/]+)$/.exec(path);
    if (subscriptionPath) {
      const subscription = subscriptions.get(decodeURIComponent(subscriptionPath[1] ?? ''));
      if (!subscription) return notFound('subscription');
      if (method === 'POST' && form.cancel_at_period_end !== undefined) {
        const cancel = form.cancel_at_period_end === 'true';
        Object.assign(subscription, { cancel_at_period_end: cancel, canceled_at: cancel ? unix(now()) : null });
      }
      return { status: 200, body: subscription };
    }
    return notFound(`route ${method} ${path}`);
  }

  const server: Server = createServer(async (req, res) => {
    const form = await readForm(req);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const header = (name: string) => (req.headers[name] as string | undefined) ?? null;
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      idempotencyKey: header('idempotency-key'),
      stripeVersion: header('stripe-version'),
      authorization: header('authorization'),
      form,
    };
    requests.push(recorded);
    const key = recorded.idempotencyKey ? `${recorded.method} ${path} ${recorded.idempotencyKey}` : null;
    const answer = (key && idempotent.get(key)) || route(recorded.method, path, form);
    if (key && !idempotent.has(key)) idempotent.set(key, answer);
    res.writeHead(answer.status, { 'content-type': 'application/json', 'request-id': id('req') });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: '127.0.0.1',
    port: (server.address() as AddressInfo).port,
    requests,
    completeCheckout(sessionId) {
      const session = sessions.get(sessionId);
      if (!session) throw new Error(`fake Stripe has no session ${sessionId}`);
      const subscription = subscriptionFrom(session);
      subscriptions.set(String(subscription.id), subscription);
      return String(subscription.id);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
