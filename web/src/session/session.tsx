import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { Result, Spin } from 'antd';
import { api, ApiError, onSessionProblem, unwrap } from '../api/client';

export type Me = NonNullable<Awaited<ReturnType<typeof fetchMe>>>;

/**
 * Until a first-time person has chosen their password the service answers nothing else, `/v1/me`
 * included: the session then is "signed in, password to change", and the console shows only that page.
 */
export const PASSWORD_PENDING = {
  id: '',
  name: '',
  login: '',
  role: '',
  unitCode: '',
  unitName: '',
  mustChangePassword: true,
  openTasks: 0,
  unreadNotifications: 0,
  authenticatedBy: 'session' as const,
};

async function fetchMe() {
  try {
    return await unwrap(api.GET('/v1/me'));
  } catch (error) {
    if (error instanceof ApiError && error.code === 'password_change_required') return PASSWORD_PENDING;
    throw error;
  }
}

export const ME_KEY = ['me'] as const;

/** Who is signed in; refreshed every minute for the header's counts. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, retry: false, refetchInterval: 60_000 });
}

/** The signed-in person, inside pages behind <RequireSession>. */
export function useSignedIn(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useSignedIn outside <RequireSession>');
  return data;
}


/** Where a person lands after signing in. */
export function homeOf(role: string): string {
  if (role === 'manager') return '/stats';
  if (role === 'admin') return '/admin';
  return '/tasks';
}

export const loginPath = (from: string) => `/login?next=${encodeURIComponent(from)}`;

/**
 * Pages need a session: without one (or when it expires mid-work: any 401) the person goes to 登录
 * and comes back where they were; a first sign-in goes to the password change.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const here = location.pathname + location.search;

  useEffect(
    () =>
      onSessionProblem((error) => {
        if (error.code === 'password_change_required') navigate('/password', { replace: true });
        else {
          queryClient.removeQueries({ queryKey: ME_KEY });
          navigate(loginPath(window.location.pathname + window.location.search), { replace: true });
        }
      }),
    [navigate, queryClient],
  );

  if (me.isPending) return <Spin fullscreen tip="正在加载…" />;
  if (me.error) {
    if (me.error instanceof ApiError && me.error.status === 401) return <Navigate to={loginPath(here)} replace />;
    return <Result status="error" title="无法加载" subTitle={me.error.message} />;
  }
  if (me.data.mustChangePassword && location.pathname !== '/password') return <Navigate to="/password" replace />;
  return children;
}
