/**
 * Most procedure calls the web client puts in one batched HTTP request (its `httpBatchLink` maxItems). The
 * server's cap (TRPC_MAX_BATCH_SIZE) defaults to it and may not go below it, so the UI is never refused.
 */
export const TRPC_CLIENT_BATCH_ITEMS = 10;
