import { Alert, Empty, List, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';

export interface Finding {
  code: string;
  severity: 'error' | 'warning';
  field: string;
  message: string;
}

/** The quality checks' findings: errors (block 提交审签) in red, warnings in orange, each with its fix. */
export function FindingsPanel({ findings, loading }: { findings: Finding[] | undefined; loading?: boolean }) {
  if (!findings) return loading ? <Typography.Text type="secondary">正在检查…</Typography.Text> : null;
  if (findings.length === 0)
    return <Alert type="success" showIcon icon={<CheckCircleOutlined />} title="质量检查全部通过" />;
  const sorted = [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const errors = findings.filter((f) => f.severity === 'error').length;
  return (
    <List
      size="small"
      data-testid="findings"
      header={<Typography.Text strong>{errors > 0 ? `${errors} 项不符合要求，须修改` : '没有错误，仅有提醒'}</Typography.Text>}
      dataSource={sorted}
      locale={{ emptyText: <Empty description="没有发现问题" /> }}
      renderItem={(f) => (
        <List.Item data-severity={f.severity} style={{ paddingInline: 0 }}>
          <Space align="start" size={8}>
            <Tag color={f.severity === 'error' ? 'red' : 'orange'} style={{ marginInlineEnd: 0 }}>{f.severity === 'error' ? '错误' : '提醒'}</Tag>
            <Typography.Text style={{ color: f.severity === 'error' ? '#cf1322' : '#d46b08' }}>{f.message}</Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
