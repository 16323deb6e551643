import { DatePicker, Form, Input, Radio, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Finding } from '../../components/FindingsPanel';
import { KIND_OPTIONS, type ItemKind } from '../../components/itemKind';
import { shanghai } from '../../components/time';

export interface FormValues {
  title: string;
  body?: string;
  eventDate: Dayjs;
  major?: boolean;
  kind?: ItemKind;
  wechatUrl?: string;
  /** The commission (约稿) a new item answers. */
  commissionId?: string;
}

/** Where a finding about this field shows beside it: errors in red, warnings in orange. */
function feedback(findings: Finding[] | undefined, field: string) {
  const mine = (findings ?? []).filter((f) => f.field === field || f.field.startsWith(`${field}[`));
  if (mine.length === 0) return {};
  return {
    validateStatus: mine.some((f) => f.severity === 'error') ? ('error' as const) : ('warning' as const),
    help: mine.map((f) => <div key={f.code + f.field}>{f.message}</div>),
  };
}

/** The item's fields as the editor fills them in. */
export function ItemFields({ findings }: { findings?: Finding[] }) {
  return (
    <>
      <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }]} {...feedback(findings, 'title')}>
        <Input placeholder="以完整的行政区划名称开头，如：鄂尔多斯市……" maxLength={200} />
      </Form.Item>
      <Form.Item name="eventDate" label="事件日期" rules={[{ required: true, message: '请选择事件发生的日期' }]} {...feedback(findings, 'eventDate')}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(shanghai(), 'day')} />
      </Form.Item>
      <Form.Item name="body" label="正文" {...feedback(findings, 'body')}>
        <Input.TextArea autoSize={{ minRows: 8, maxRows: 24 }} placeholder="正文最后用全角括号注明来源，如：（鄂尔多斯市计生协 张三 供稿）" />
      </Form.Item>
      <Form.Item name="kind" label="类别" initialValue="news">
        <Radio.Group options={KIND_OPTIONS} />
      </Form.Item>
      <Form.Item name="major" label="重大活动/事件（3个工作日内报送）" valuePropName="checked" initialValue={false}>
        <Switch checkedChildren="是" unCheckedChildren="否" />
      </Form.Item>
      <Form.Item name="wechatUrl" label="公众号链接" {...feedback(findings, 'wechatUrl')}>
        <Input placeholder="本盟市计生协公众号刊发的同篇文章链接" inputMode="url" />
      </Form.Item>
    </>
  );
}

/** The form's values as the API takes them. */
export function toBody(values: Partial<FormValues>) {
  return {
    ...(values.title !== undefined ? { title: values.title } : {}),
    ...(values.body !== undefined ? { body: values.body } : {}),
    ...(values.eventDate ? { eventDate: values.eventDate.format('YYYY-MM-DD') } : {}),
    ...(values.major !== undefined ? { major: values.major } : {}),
    ...(values.kind !== undefined ? { kind: values.kind } : {}),
    ...(values.wechatUrl !== undefined ? { wechatUrl: values.wechatUrl } : {}),
  };
}
