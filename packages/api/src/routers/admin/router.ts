import { router } from '../../trpc/init';
import { createAgentProcedure, listAgentsProcedure } from './agents';
import { listAuditProcedure } from './audit';
import { adminLoginProcedure, devRegisterAdminProcedure } from './auth';
import { getDeadLetterProcedure, listDeadLettersProcedure, replayDeadLettersProcedure } from './dlq';
import { decideLicenseProcedure, getLicenseProcedure, licenseQueueProcedure } from './licenses';

const adminAuthWithDevTools = router({ login: adminLoginProcedure, devRegister: devRegisterAdminProcedure });

/** Production mounts no dev register at all; clients are typed against the development shape. */
export const createAdminRouter = ({ devTools }: { devTools: boolean }) =>
  router({
    auth: devTools ? adminAuthWithDevTools : (router({ login: adminLoginProcedure }) as typeof adminAuthWithDevTools),
    agents: router({ create: createAgentProcedure, list: listAgentsProcedure }),
    dlq: router({ list: listDeadLettersProcedure, get: getDeadLetterProcedure, replay: replayDeadLettersProcedure }),
    licenses: router({ queue: licenseQueueProcedure, get: getLicenseProcedure, decide: decideLicenseProcedure }),
    audit: router({ list: listAuditProcedure }),
  });
