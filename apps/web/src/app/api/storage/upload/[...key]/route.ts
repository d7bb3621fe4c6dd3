import { getWebRuntime } from '@/server/runtime';

// Streams request bodies to local disk: Node APIs, never cached.
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Target of the local storage adapter's signed upload URLs (404 when STORAGE_DRIVER=gcs). */
export async function PUT(request: Request, { params }: { params: Promise<{ key: string[] }> }) {
  const [{ deps, storageRoutes }, { key }] = await Promise.all([getWebRuntime(), params]);
  return storageRoutes.upload(deps, request, key);
}
