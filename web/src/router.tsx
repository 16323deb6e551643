import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate, Outlet } from 'react-router';
import { Spin } from 'antd';
import { Frame } from './layout/Frame';
import { RouteError } from './layout/RouteError';
import { homeOf, RequireSession, useSignedIn } from './session/session';

/** Each page is its own chunk, loaded when first opened. */
const page = (load: () => Promise<{ default: ComponentType }>) => async () => ({ Component: (await load()).default });

function Home() {
  return <Navigate to={homeOf(useSignedIn().role)} replace />;
}

export const router = createBrowserRouter([
  { path: '/login', lazy: page(() => import('./pages/login/LoginPage')), errorElement: <RouteError />, hydrateFallbackElement: <Spin fullscreen /> },
  {
    element: <RequireSession><Outlet /></RequireSession>,
    errorElement: <RouteError />,
    hydrateFallbackElement: <Spin fullscreen />,
    children: [
      { path: '/password', lazy: page(() => import('./pages/login/PasswordPage')) },
      {
        path: '/',
        element: <Frame />,
        children: [
          { index: true, element: <Home /> },
          { path: 'tasks', lazy: page(() => import('./pages/tasks/TasksPage')) },
          { path: 'items', lazy: page(() => import('./pages/items/ItemsPage')) },
          { path: 'items/new', lazy: page(() => import('./pages/editor/NewItemPage')) },
          { path: 'items/:id', lazy: page(() => import('./pages/item/ItemPage')) },
          { path: 'items/:id/edit', lazy: page(() => import('./pages/editor/EditItemPage')) },
          { path: 'commissions', lazy: page(() => import('./pages/commissions/CommissionsPage')) },
          { path: 'commissions/:id', lazy: page(() => import('./pages/commissions/CommissionPage')) },
          { path: 'stats', lazy: page(() => import('./pages/stats/StatsPage')) },
          { path: 'notifications', lazy: page(() => import('./pages/notifications/NotificationsPage')) },
          { path: 'admin', lazy: page(() => import('./pages/admin/AdminPage')) },
          { path: '*', lazy: page(() => import('./layout/NotFoundPage')) },
        ],
      },
    ],
  },
]);
