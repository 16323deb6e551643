import { useEffect, useMemo, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Grid, Result, Row, Skeleton, Space, Typography, Upload } from 'antd';
import { InboxOutlined, SendOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router';
import { api, request, unwrap } from '../../api/client';
import { conflictMessage, isConflict, useItemRefresh } from '../../components/ActionBar';
import { FindingsPanel } from '../../components/FindingsPanel';
import { PhotoGrid, type PhotoFields } from '../../components/PhotoGrid';
import { StateTag } from '../../components/StateTag';
import { itemKey, useChecks, useItem, usePhotos } from '../item/queries';
import { ItemFields, toBody, type FormValues } from './ItemFields';

const SAVE_AFTER_MS = 700;

/**
 * 编辑: the draft saves itself a moment after the editor stops typing, and the quality checks the
 * service runs on the saved draft show beside the fields; 提交审签 is enabled once no error remains.
 */
export default function EditItemPage() {
  const { id = '' } = useParams();
  const item = useItem(id);
  if (item.isPending) return <Skeleton active />;
  if (item.error) return <Result status="warning" title="无法编辑" subTitle={item.error.message} extra={<Link to="/tasks"><Button>回到我的待办</Button></Link>} />;
  if (item.data.state !== 'draft')
    return <Result status="info" title="这条信息已不是草稿" subTitle="只有草稿可以修改。" extra={<Link to={`/items/${id}`}><Button type="primary">查看信息</Button></Link>} />;
  return <Editor id={id} initial={item.data} />;
}

function Editor({ id, initial }: { id: string; initial: NonNullable<ReturnType<typeof useItem>['data']> }) {
  const [form] = Form.useForm<FormValues>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const refresh = useItemRefresh(id);
  const photos = usePhotos(id);
  const checks = useChecks(id);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const [dirty, setDirty] = useState(false);
  const refreshChecks = () => queryClient.invalidateQueries({ queryKey: [...itemKey(id), 'checks'] });

  const save = useMutation({
    mutationFn: (values: Partial<FormValues>) => unwrap(api.PATCH('/v1/submissions/{id}', { params: { path: { id } }, body: toBody(values) })),
    onSuccess: async (saved) => {
      setDirty(false);
      queryClient.setQueryData(itemKey(id), saved);
      await refreshChecks();
    },
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  const onValuesChange = () => {
    setDirty(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const values = form.getFieldsValue();
      if (values.title?.trim() && values.eventDate) save.mutate(values);
    }, SAVE_AFTER_MS);
  };

  const submit = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/submissions/{id}/actions', { params: { path: { id } }, body: { action: 'request_signoff' } })),
    onSuccess: async () => {
      message.success('已提交审签，审签人会收到通知');
      await refresh();
      navigate(`/items/${id}`);
    },
    onError: async (error) => {
      if (isConflict(error)) message.warning(conflictMessage(error));
      await refresh();
    },
  });

  const photoChanged = () => Promise.all([queryClient.invalidateQueries({ queryKey: [...itemKey(id), 'images'] }), refreshChecks()]);
  const upload = async (file: File) => {
    const body = new FormData();
    body.append('file', file, file.name);
    try {
      await request('POST', `/v1/submissions/${id}/images`, body);
    } catch (error) {
      message.error((error as Error).message);
    }
    await photoChanged();
  };
  const caption = async (photo: PhotoFields, text: string) => {
    await unwrap(api.PATCH('/v1/submissions/{id}/images/{imageId}', { params: { path: { id, imageId: photo.id } }, body: { caption: text } })).catch((e: Error) => message.error(e.message));
    await photoChanged();
  };
  const remove = async (photo: PhotoFields) => {
    await unwrap(api.DELETE('/v1/submissions/{id}/images/{imageId}', { params: { path: { id, imageId: photo.id } } })).catch((e: Error) => message.error(e.message));
    await photoChanged();
  };

  const findings = checks.data?.results;
  const hasErrors = !checks.data || findings!.some((f) => f.severity === 'error');
  const initialValues = useMemo(
    () => ({ ...initial, eventDate: dayjs(initial.eventDate), wechatUrl: initial.wechatUrl ?? undefined }),
    [initial],
  );
  const busy = dirty || save.isPending || checks.isFetching;
  const photoCount = photos.data?.length ?? 0;
  const errorCount = (findings ?? []).filter((f) => f.severity === 'error').length;
  // One column (phones, narrow windows): 提交审签 stays at the bottom of the screen while the editor scrolls.
  const oneColumn = !(Grid.useBreakpoint().xl ?? true);
  const submitButton = (
    <Button type="primary" block size="large" icon={<SendOutlined />} disabled={hasErrors || busy} loading={submit.isPending} onClick={() => submit.mutate()}>
      提交审签
    </Button>
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        <Card>
          <Space style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }} wrap>
            <Space>
              <Typography.Title level={4} style={{ margin: 0 }}>编辑信息</Typography.Title>
              <StateTag state={initial.state} />
            </Space>
            <Typography.Text type="secondary" data-testid="save-state">
              {save.isPending ? '正在保存…' : dirty ? '有未保存的修改' : save.isError ? '' : '已自动保存'}
            </Typography.Text>
          </Space>
          {save.error && <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 12 }} />}
          <Form<FormValues> form={form} layout="vertical" initialValues={initialValues} onValuesChange={onValuesChange}>
            <ItemFields findings={findings} />
          </Form>
          <Typography.Title level={5}>图片（{photoCount}/3）</Typography.Title>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <PhotoGrid itemId={id} photos={photos.data ?? []} findings={findings} onCaption={caption} onRemove={remove} />
            {photoCount < 3 && (
              <Upload.Dragger
                accept="image/jpeg,image/png"
                multiple
                showUploadList={false}
                customRequest={async ({ file, onSuccess }) => {
                  await upload(file as File);
                  onSuccess?.({});
                }}
              >
                <p className="ant-upload-drag-icon"><InboxOutlined /></p>
                <p className="ant-upload-text">点击或拖动图片到这里上传</p>
                <p className="ant-upload-hint">JPEG 或 PNG，每张至少 800×600 像素、不超过 10 MB，最多 3 张</p>
              </Upload.Dragger>
            )}
          </Space>
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        <Card title="质量检查" style={{ position: 'sticky', top: 12 }}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <FindingsPanel findings={findings} loading={checks.isPending} />
            {submit.error && !isConflict(submit.error) && <Alert type="error" showIcon title={submit.error.message} />}
            {!oneColumn && submitButton}
            <Link to={`/items/${id}`}>查看信息详情与处理记录</Link>
          </Space>
        </Card>
      </Col>
      {oneColumn && (
        <div style={{ position: 'sticky', bottom: 0, zIndex: 10, width: '100%', padding: '8px 8px', background: '#fff', boxShadow: '0 -2px 8px rgba(0,0,0,0.08)' }}>
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <Typography.Text type={errorCount > 0 ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
              {checks.isPending ? '正在检查…' : errorCount > 0 ? `还有 ${errorCount} 项须修改（见“质量检查”）` : '质量检查没有错误'}
            </Typography.Text>
            {submitButton}
          </Space>
        </div>
      )}
    </Row>
  );
}
