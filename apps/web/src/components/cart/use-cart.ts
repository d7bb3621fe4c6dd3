'use client';

import type { CartDto } from '@pf/domain';
import { type QueryClient, useIsMutating, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { toast } from 'sonner';
import { clockOffsetMs } from '@/lib/cart-expiry';
import { type CartIntent, intentOf, quoteInputOf, refusedProducts, withoutProduct } from '@/lib/cart-intent';
import { apiErrorInfo, useTRPC } from '@/lib/trpc';

/** Server − browser clock, learned from the last quote (see cart-expiry.ts). */
let serverClockOffsetMs = 0;
export const serverClockOffset = () => serverClockOffsetMs;

/** The buyer store's active cart as last quoted (null: none). Shared by the header, drawer and pages. */
export function useCart() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.cart.get.queryOptions(), staleTime: 10_000 });
}

/** Each cart change waits for the previous one, so it edits the latest quote, never a stale one. */
const pendingChanges = new WeakMap<QueryClient, Promise<unknown>>();

/**
 * Cart changes: each one edits the intent of the latest quote and sends the whole intent to `cart.quote`, whose
 * answer (server prices) becomes the cart. Products no longer sold to the store are dropped with a notice.
 */
export function useCartActions() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const quote = useMutation(trpc.cart.quote.mutationOptions());
  const clear = useMutation(trpc.cart.clear.mutationOptions());
  const busy = useIsMutating({ mutationKey: trpc.cart.quote.mutationKey() }) > 0;
  const cartKey = trpc.cart.get.queryKey();

  const send = useCallback(
    async (intent: CartIntent): Promise<CartDto | null> => {
      const input = quoteInputOf(intent);
      if (!input) {
        await clear.mutateAsync();
        queryClient.setQueryData(cartKey, null);
        return null;
      }
      try {
        const cart = await quote.mutateAsync(input);
        serverClockOffsetMs = clockOffsetMs(cart.quotedAt, Date.now());
        queryClient.setQueryData(cartKey, cart);
        return cart;
      } catch (error) {
        const info = apiErrorInfo(error);
        const refused = info.code === 'NOT_FOUND' ? refusedProducts(input, info.violations) : [];
        if (refused.length === 0) throw error;
        toast.warning(
          refused.length === 1
            ? 'A product in your cart is no longer available to your store and was removed.'
            : `${refused.length} products in your cart are no longer available to your store and were removed.`,
        );
        return send(refused.reduce(withoutProduct, intent));
      }
    },
    [clear, quote, queryClient, cartKey],
  );

  /** Applies `edit` to the latest cart's intent and quotes it; rejects with the API error when refused. */
  const change = useCallback(
    (edit: (intent: CartIntent) => CartIntent): Promise<CartDto | null> => {
      const run = async () => {
        const latest =
          queryClient.getQueryData<CartDto | null>(cartKey) ??
          (await queryClient.fetchQuery(trpc.cart.get.queryOptions()));
        return send(edit(intentOf(latest)));
      };
      const next = (pendingChanges.get(queryClient) ?? Promise.resolve()).catch(() => undefined).then(run);
      pendingChanges.set(queryClient, next);
      return next;
    },
    [queryClient, cartKey, send, trpc],
  );

  const clearCart = useCallback(async () => {
    await clear.mutateAsync();
    queryClient.setQueryData(cartKey, null);
  }, [clear, queryClient, cartKey]);

  return { change, clearCart, busy, clearing: clear.isPending };
}

/** Says why a cart change was refused (toast), with the request id for support. */
export function reportCartError(error: unknown) {
  const info = apiErrorInfo(error);
  toast.error(info.message, { description: info.requestId ? `Request id ${info.requestId}` : undefined });
}
