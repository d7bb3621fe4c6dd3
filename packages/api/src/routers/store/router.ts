import { router } from '../../trpc/init';
import { setBannerProcedure, setLogoProcedure } from './images';
import { acceptInvitationProcedure, declineInvitationProcedure, listMyInvitationsProcedure } from './invitations';
import { getOwnStoreProcedure, updateOwnStoreProcedure } from './me';
import {
  changeMemberRoleProcedure,
  inviteMemberProcedure,
  listMembersProcedure,
  removeMemberProcedure,
} from './members';
import { getPublicStoreProcedure } from './public';

export const storeRouter = router({
  me: router({ get: getOwnStoreProcedure, update: updateOwnStoreProcedure }),
  members: router({
    list: listMembersProcedure,
    invite: inviteMemberProcedure,
    remove: removeMemberProcedure,
    changeRole: changeMemberRoleProcedure,
  }),
  invitations: router({
    listMine: listMyInvitationsProcedure,
    accept: acceptInvitationProcedure,
    decline: declineInvitationProcedure,
  }),
  public: router({ get: getPublicStoreProcedure }),
  setLogo: setLogoProcedure,
  setBanner: setBannerProcedure,
});
