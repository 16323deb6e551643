import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, Popconfirm, Radio, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, unwrap } from '../../api/client';
import { shanghai } from '../../components/time';

/** The working calendar: a year's corrections (调休, extra holidays) and declaring a year's schedule complete. */
export function CalendarTab() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(shanghai().year());
  const calendar = useQuery({ queryKey: ['calendar', year], queryFn: () => unwrap(api.GET('/v1/calendar', { params: { query: { year } } })) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['calendar'] });
  const correct = useMutation({
    mutationFn: (v: { date: Dayjs; workday: boolean; note?: string }) =>
      unwrap(api.PUT('/v1/calendar/{date}', { params: { path: { date: v.date.format('YYYY-MM-DD') } }, body: { workday: v.workday, ...(v.note ? { note: v.note } : {}) } })),
    onSuccess: async (r) => {
      message.success(`已更正 ${r.date}，${r.rescheduled} 条信息的时限已重新计算`);
      await refresh();
    },
  });
  const declare = useMutation({
    mutationFn: () => unwrap(api.PUT('/v1/calendar/years/{year}', { params: { path: { year } }, body: {} })),
    onSuccess: async () => {
      message.success(`${year}年的工作日历已确认`);
      await refresh();
    },
    onError: (error) => message.error(error.message),
  });
  const special = (calendar.data?.days ?? []).filter((d) => d.source === 'admin' || d.note || isWeekend(d.date) === d.workday);
  return (
    <Card>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select aria-label="年度" value={year} onChange={setYear} options={[-1, 0, 1].map((d) => ({ value: shanghai().year() + d, label: `${shanghai().year() + d}年` }))} />
        {calendar.data && (calendar.data.covered ? <Tag color="green">已录入全年安排</Tag> : <Tag color="red">未录入全年安排</Tag>)}
        {calendar.data && !calendar.data.covered && (
          <Popconfirm title={`确认${year}年的节假日和调休已全部录入？`} okText="确认" cancelText="取消" onConfirm={() => declare.mutate()}>
            <Button>确认全年安排</Button>
          </Popconfirm>
        )}
      </Space>
      {calendar.data?.warning && <Alert type="warning" showIcon title={calendar.data.warning} style={{ marginBottom: 12 }} />}
      <Form layout="inline" onFinish={(v) => correct.mutate(v)} style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item name="date" rules={[{ required: true, message: '请选择日期' }]}><DatePicker placeholder="日期" inputReadOnly /></Form.Item>
        <Form.Item name="workday" initialValue={false}><Radio.Group options={[{ value: true, label: '工作日' }, { value: false, label: '休息日' }]} /></Form.Item>
        <Form.Item name="note"><Input placeholder="说明，如：劳动节调休" /></Form.Item>
        <Button htmlType="submit" type="primary" loading={correct.isPending}>更正</Button>
      </Form>
      {correct.error && <Alert type="error" showIcon title={correct.error.message} style={{ marginBottom: 12 }} />}
      <Table
        rowKey="date"
        size="small"
        loading={calendar.isPending}
        dataSource={special}
        pagination={{ pageSize: 15, hideOnSinglePage: true }}
        locale={{ emptyText: '本年度没有节假日或调休记录' }}
        columns={[
          { title: '日期', dataIndex: 'date' },
          { title: '', dataIndex: 'workday', render: (w: boolean) => (w ? <Tag color="blue">上班</Tag> : <Tag color="red">休息</Tag>) },
          { title: '说明', dataIndex: 'note', render: (n: string | null) => n ?? '' },
          { title: '来源', dataIndex: 'source', render: (s: string) => (s === 'admin' ? '管理员更正' : '官方') },
        ]}
      />
    </Card>
  );
}

const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay());
