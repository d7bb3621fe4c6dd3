import { getWebRuntime } from '@/server/runtime';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Target of the local storage adapter's signed read URLs (404 when STORAGE_DRIVER=gcs). */
export async function GET(request: Request, { params }: { params: Promise<{ key: string[] }> }) {
  const [{ deps, storageRoutes }, { key }] = await Promise.all([getWebRuntime(), params]);
  return storageRoutes.download(deps, request, key);
}
