import type { ReactNode } from 'react';
import { BarChartOutlined, BellOutlined, AuditOutlined, CheckSquareOutlined, EditOutlined, FileTextOutlined, SettingOutlined } from '@ant-design/icons';

export interface MenuEntry {
  path: string;
  label: string;
  icon: ReactNode;
  /** Who finds it useful; the API decides what each may actually do. */
  roles: string[];
}

export const MENU: MenuEntry[] = [
  { path: '/tasks', label: '我的待办', icon: <CheckSquareOutlined />, roles: ['editor', 'approver', 'reviewer'] },
  { path: '/items/new', label: '撰写', icon: <EditOutlined />, roles: ['editor'] },
  { path: '/items', label: '信息列表', icon: <FileTextOutlined />, roles: ['editor', 'approver', 'reviewer', 'manager', 'admin'] },
  { path: '/commissions', label: '约稿', icon: <AuditOutlined />, roles: ['editor', 'approver', 'reviewer', 'manager', 'admin'] },
  { path: '/stats', label: '统计', icon: <BarChartOutlined />, roles: ['manager', 'reviewer'] },
  { path: '/notifications', label: '通知', icon: <BellOutlined />, roles: ['editor', 'approver', 'reviewer', 'manager', 'admin'] },
  { path: '/admin', label: '管理', icon: <SettingOutlined />, roles: ['admin'] },
];
