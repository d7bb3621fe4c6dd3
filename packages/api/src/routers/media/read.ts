import { mediaDto, mediaIdInput, readUrlResult } from '@pf/domain';
import type { MediaReader } from '../../services/media/find-media';
import { getMedia, getMediaReadUrl } from '../../services/media/find-media';
import { type StoreOrAdminReader, storeMemberOrAdminProcedure } from '../../trpc/procedures';

const readerOf = (reader: StoreOrAdminReader): MediaReader =>
  reader.kind === 'admin' ? reader : { kind: 'store', storeId: reader.store.id };

/** One file of the active store (any store for an admin), with a read URL once its bytes are stored. */
export const getMediaProcedure = storeMemberOrAdminProcedure('readStore')
  .input(mediaIdInput)
  .output(mediaDto)
  .query(({ ctx, input }) => getMedia(ctx.deps, readerOf(ctx.reader), input.mediaId));

/** A signed read URL; pending uploads answer STATE_CONFLICT "media upload pending". */
export const readUrlProcedure = storeMemberOrAdminProcedure('readStore')
  .input(mediaIdInput)
  .output(readUrlResult)
  .query(({ ctx, input }) => getMediaReadUrl(ctx.deps, readerOf(ctx.reader), input.mediaId));
