import { promoListDto } from '@pf/domain';
import { listPromos } from '../../../services/promos/list-promos';
import { promoReader } from './procedures';

export const listPromosProcedure = promoReader.output(promoListDto).query(({ ctx }) => listPromos(ctx.deps, ctx.store));
