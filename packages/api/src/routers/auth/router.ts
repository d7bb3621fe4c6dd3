import { router } from '../../trpc/init';
import { loginProcedure } from './login';
import { logoutProcedure } from './logout';
import { meProcedure } from './me';
import { refreshProcedure } from './refresh';
import { registerProcedure } from './register';
import { setAvatarProcedure } from './set-avatar';
import { switchStoreProcedure } from './switch-store';

export const authRouter = router({
  register: registerProcedure,
  login: loginProcedure,
  refresh: refreshProcedure,
  logout: logoutProcedure,
  switchStore: switchStoreProcedure,
  me: meProcedure,
  setAvatar: setAvatarProcedure,
});
