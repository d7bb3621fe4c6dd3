import { router } from '../../../trpc/init';
import { checkoutConfirmationProcedure } from './confirmation';
import { submitCheckoutProcedure } from './submit';

export const checkoutRouter = router({ submit: submitCheckoutProcedure, confirmation: checkoutConfirmationProcedure });
