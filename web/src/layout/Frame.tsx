import { Suspense, useState } from 'react';
import { Badge, Button, Drawer, Dropdown, Grid, Layout, Menu, Result, Space, Spin, Typography } from 'antd';
import { BellOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { useLifecycle, useWords } from '../api/lifecycle';
import { useSignedIn } from '../session/session';
import { MENU } from './menu';

/** The frame of every page: the side menu for the person's role, the header with notifications and the person. */
export function Frame() {
  const me = useSignedIn();
  const words = useWords();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const wide = Grid.useBreakpoint().lg ?? true;
  const [drawer, setDrawer] = useState(false);
  const lifecycle = useLifecycle();

  const entries = MENU.filter((entry) => entry.roles.includes(me.role));
  const selected = entries
    .filter((e) => location.pathname === e.path || location.pathname.startsWith(`${e.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;
  const items = entries.map((e) => ({
    key: e.path,
    icon: e.icon,
    label: e.path === '/tasks' && me.openTasks > 0 ? <Space>{e.label}<Badge count={me.openTasks} size="small" /></Space> : e.label,
  }));
  const menu = (
    <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={items} onClick={({ key }) => { setDrawer(false); navigate(key); }} style={{ borderInlineEnd: 0 }} />
  );

  const signOut = async () => {
    await unwrap(api.DELETE('/v1/session')).catch(() => undefined);
    queryClient.clear();
    navigate('/login', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {wide && (
        <Layout.Sider width={200} theme="light" style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
          <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 16, color: '#c8102e' }}>信息报送工作台</div>
          {menu}
        </Layout.Sider>
      )}
      <Drawer open={!wide && drawer} onClose={() => setDrawer(false)} placement="left" size={240} title="信息报送工作台" styles={{ body: { padding: 0 } }}>
        {menu}
      </Drawer>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: wide ? '0 24px' : '0 12px', display: 'flex', alignItems: 'center', gap: 12, borderBottom: '1px solid #f0f0f0', height: 56, lineHeight: '56px' }}>
          {!wide && <Button type="text" icon={<MenuOutlined />} aria-label="菜单" onClick={() => setDrawer(true)} />}
          {!wide && <Typography.Text strong style={{ color: '#c8102e' }}>信息报送工作台</Typography.Text>}
          <div style={{ flex: 1 }} />
          <Link to="/notifications" aria-label="通知">
            <Badge count={me.unreadNotifications} size="small" data-testid="unread-count">
              <BellOutlined style={{ fontSize: 18 }} />
            </Badge>
          </Link>
          <Dropdown
            menu={{
              items: [
                { key: 'password', label: '修改密码', onClick: () => navigate('/password') },
                { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', onClick: signOut },
              ],
            }}
          >
            <Button type="text" icon={<UserOutlined />}>
              {wide ? `${me.name} · ${words.role(me.role)}${me.unitName ? ` · ${me.unitName}` : ''}` : me.name}
            </Button>
          </Dropdown>
        </Layout.Header>
        <Layout.Content style={{ padding: wide ? 24 : 12 }}>
          {lifecycle.error ? (
            <Result status="error" title="无法加载" subTitle={lifecycle.error.message} />
          ) : lifecycle.isPending ? (
            <Spin style={{ display: 'block', margin: 48 }} />
          ) : (
            <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
              <Outlet />
            </Suspense>
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
