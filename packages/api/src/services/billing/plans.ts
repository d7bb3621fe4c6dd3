import { billingPlans, isUniqueViolation, type Transaction } from '@pf/db';
import { type AdminPlanDto, AppError, type CreatePlanInput, type PlanDto, type UpdatePlanInput } from '@pf/domain';
import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { recordAudit } from '../audit';
import type { RequestMeta } from '../types';

type PlanRow = typeof billingPlans.$inferSelect;

export const planDtoOf = (row: PlanRow): PlanDto => ({
  id: row.id,
  name: row.name,
  priceCents: row.priceCents,
  currency: row.currency,
  interval: row.interval,
  trialDays: row.trialDays,
  features: row.features,
  isDefault: row.isDefault,
});

const adminPlanDtoOf = (row: PlanRow): AdminPlanDto => ({
  ...planDtoOf(row),
  status: row.status,
  providerPriceId: row.providerPriceId,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** Plans on sale: the default first, then by price (DOMAIN §5.15). */
export async function activePlans(deps: Pick<AppDeps, 'db'>): Promise<PlanDto[]> {
  const rows = await deps.db
    .select()
    .from(billingPlans)
    .where(eq(billingPlans.status, 'active'))
    .orderBy(desc(billingPlans.isDefault), asc(billingPlans.priceCents), asc(billingPlans.name));
  return rows.map(planDtoOf);
}

/** The plan a checkout sells: the one asked for (it must be on sale), else the default plan. */
export async function planForSale(deps: Pick<AppDeps, 'db'>, planId: string | undefined): Promise<PlanRow> {
  const [row] = await deps.db
    .select()
    .from(billingPlans)
    .where(
      planId
        ? and(eq(billingPlans.id, planId), eq(billingPlans.status, 'active'))
        : and(eq(billingPlans.isDefault, true), eq(billingPlans.status, 'active')),
    );
  if (!row) {
    throw planId
      ? new AppError('NOT_FOUND', 'Plan not found.')
      : new AppError('STATE_CONFLICT', 'No plan is on sale yet. Ask PackFinderz support.');
  }
  return row;
}

export async function listPlansForAdmin(deps: Pick<AppDeps, 'db'>): Promise<AdminPlanDto[]> {
  const rows = await deps.db.select().from(billingPlans).orderBy(desc(billingPlans.isDefault), asc(billingPlans.name));
  return rows.map(adminPlanDtoOf);
}

/** Making a plan the default takes the flag from the previous default in the same transaction. */
const clearOtherDefaults = (tx: Transaction, planId: string) =>
  tx
    .update(billingPlans)
    .set({ isDefault: false })
    .where(and(eq(billingPlans.isDefault, true), ne(billingPlans.id, planId)));

const duplicatePrice = (error: unknown) =>
  isUniqueViolation(error, 'billing_plans_provider_price_key')
    ? new AppError('CONFLICT', 'Another plan already uses this Stripe price id.', {
        violations: [{ path: 'providerPriceId', code: 'taken', message: 'is used by another plan' }],
      })
    : error;

export async function createPlan(
  deps: AppDeps,
  adminUserId: string,
  input: CreatePlanInput,
  meta: RequestMeta,
): Promise<AdminPlanDto> {
  if (input.isDefault && input.status !== 'active') {
    throw new AppError('VALIDATION_ERROR', 'The default plan must be on sale.', {
      violations: [{ path: 'isDefault', code: 'inactive_default', message: 'needs status active' }],
    });
  }
  try {
    return await deps.db.transaction(async (tx) => {
      const now = deps.clock.now();
      const [row] = await tx
        .insert(billingPlans)
        .values({
          ...input,
          isDefault: false,
          providerPriceId: input.providerPriceId ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!row) throw new Error('plan insert returned nothing');
      let saved = row;
      if (input.isDefault) {
        await clearOtherDefaults(tx, row.id);
        [saved = row] = await tx
          .update(billingPlans)
          .set({ isDefault: true })
          .where(eq(billingPlans.id, row.id))
          .returning();
      }
      await recordAudit(tx, {
        actorUserId: adminUserId,
        action: 'billing.plan_created',
        targetType: 'billing_plan',
        targetId: saved.id,
        details: { after: adminPlanDtoOf(saved) },
        requestId: meta.requestId,
      });
      return adminPlanDtoOf(saved);
    });
  } catch (error) {
    throw duplicatePrice(error);
  }
}

export async function updatePlan(
  deps: AppDeps,
  adminUserId: string,
  { planId, ...patch }: UpdatePlanInput,
  meta: RequestMeta,
): Promise<AdminPlanDto> {
  try {
    return await deps.db.transaction(async (tx) => {
      const [before] = await tx.select().from(billingPlans).where(eq(billingPlans.id, planId)).for('update');
      if (!before) throw new AppError('NOT_FOUND', 'Plan not found.');
      const status = patch.status ?? before.status;
      const isDefault = patch.isDefault ?? before.isDefault;
      if (isDefault && status !== 'active') {
        throw new AppError(
          'STATE_CONFLICT',
          'The default plan must stay on sale: make another plan the default first.',
        );
      }
      if (patch.isDefault) await clearOtherDefaults(tx, planId);
      const [after] = await tx
        .update(billingPlans)
        .set({ ...patch, updatedAt: deps.clock.now() })
        .where(eq(billingPlans.id, planId))
        .returning();
      if (!after) throw new AppError('NOT_FOUND', 'Plan not found.');
      await recordAudit(tx, {
        actorUserId: adminUserId,
        action: 'billing.plan_updated',
        targetType: 'billing_plan',
        targetId: planId,
        details: { before: adminPlanDtoOf(before), after: adminPlanDtoOf(after) },
        requestId: meta.requestId,
      });
      return adminPlanDtoOf(after);
    });
  } catch (error) {
    throw duplicatePrice(error);
  }
}
