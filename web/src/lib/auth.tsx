import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Presence } from '../../../contracts/assignment.js';
import type { LoginBody, Me } from '../../../contracts/auth.js';
import type { Permission } from '../../../contracts/permissions.js';
import { api, ApiError, setUnauthenticatedHandler } from './api-client';
import { recalledPresence, rememberPresence, withRecentPresence } from './recent-presence';

// `wasSignedOutByUser`: after an explicit sign-out the next user starts at the workbench, not at the
// page the previous one left; after an expired session the same user comes back to where they were.
type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; wasSignedOutByUser: boolean }
  | { status: 'signed-in'; me: Me }
  | { status: 'error'; error: unknown };

export interface Session {
  state: SessionState;
  me: Me | null;
  can(permission: Permission): boolean;
  login(body: LoginBody): Promise<Me>;
  logout(): Promise<void>;
  reload(): void;
  /** online, away or off: whether orders are pushed to this user */
  setPresence(presence: Presence): Promise<Presence>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const load = useCallback(() => {
    setState({ status: 'loading' });
    api.me().then(
      (me) => setState({ status: 'signed-in', me: withRecentPresence(me, recalledPresence(), Date.now()) }),
      (error: unknown) =>
        setState(
          error instanceof ApiError && error.status === 401
            ? { status: 'signed-out', wasSignedOutByUser: false }
            : { status: 'error', error },
        ),
    );
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => setState({ status: 'signed-out', wasSignedOutByUser: false }));
    load();
    return () => setUnauthenticatedHandler(null);
  }, [load]);

  const value = useMemo<Session>(() => {
    const me = state.status === 'signed-in' ? state.me : null;
    return {
      state,
      me,
      can: (permission) => !!me?.permissions.includes(permission),
      login: async (body) => {
        const signedIn = await api.login(body);
        setState({ status: 'signed-in', me: signedIn });
        return signedIn;
      },
      logout: async () => {
        try {
          await api.logout();
        } finally {
          setState({ status: 'signed-out', wasSignedOutByUser: true });
        }
      },
      reload: load,
      setPresence: async (presence) => {
        const answer = await api.setPresence(presence);
        if (me) rememberPresence(me.id, answer.presence, Date.now());
        // the server's answer, not a refetch of /me: sessions are cached for a while and would show the old presence
        setState((current) =>
          current.status === 'signed-in' ? { ...current, me: { ...current.me, presence: answer.presence } } : current,
        );
        return answer.presence;
      },
    };
  }, [state, load]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** For pages inside the signed-in layout, where a session is guaranteed. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a session');
  return me;
}
