import { router } from '../../trpc/init';
import { createAgentProcedure, listAgentsProcedure } from './agents';
import { listAuditProcedure } from './audit';
import { adminLoginProcedure, devRegisterAdminProcedure } from './auth';
import { createPlanProcedure, listPlansProcedure, updatePlanProcedure } from './billing/plans';
import { listBillingStoresProcedure, setListingOverrideProcedure } from './billing/stores';
import { getDeadLetterProcedure, listDeadLettersProcedure, replayDeadLettersProcedure } from './dlq';
import { decideLicenseProcedure, getLicenseProcedure, licenseQueueProcedure } from './licenses';

const adminAuthWithDevRegister = router({ login: adminLoginProcedure, devRegister: devRegisterAdminProcedure });

/**
 * The dev register is mounted only when ENABLE_DEV_ADMIN_REGISTER is set (never in production, see config):
 * otherwise its path answers NOT_FOUND like any unknown procedure. Clients are typed against the full shape.
 */
export const createAdminRouter = ({ devAdminRegister }: { devAdminRegister: boolean }) =>
  router({
    auth: devAdminRegister
      ? adminAuthWithDevRegister
      : (router({ login: adminLoginProcedure }) as typeof adminAuthWithDevRegister),
    agents: router({ create: createAgentProcedure, list: listAgentsProcedure }),
    dlq: router({ list: listDeadLettersProcedure, get: getDeadLetterProcedure, replay: replayDeadLettersProcedure }),
    licenses: router({ queue: licenseQueueProcedure, get: getLicenseProcedure, decide: decideLicenseProcedure }),
    audit: router({ list: listAuditProcedure }),
    billing: router({
      plans: router({ list: listPlansProcedure, create: createPlanProcedure, update: updatePlanProcedure }),
      stores: router({ list: listBillingStoresProcedure, setOverride: setListingOverrideProcedure }),
    }),
  });
