import { Alert, Button, Card, Col, Descriptions, Result, Row, Skeleton, Space, Typography } from 'antd';
import { EditOutlined, LinkOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { ActionBar } from '../../components/ActionBar';
import { DeadlineBadge } from '../../components/DeadlineBadge';
import { FindingsPanel } from '../../components/FindingsPanel';
import { PhotoGrid } from '../../components/PhotoGrid';
import { StateTag } from '../../components/StateTag';
import { Timeline } from '../../components/Timeline';
import { dateOf, dateTimeOf } from '../../components/time';
import { useSignedIn } from '../../session/session';
import { KIND_LABEL } from '../../components/itemKind';
import { useChecks, useItem, usePhotos } from './queries';
import { CommentBox } from './CommentBox';
import { CommissionLink } from '../commissions/CommissionLink';

/** 信息详情: the item, its photos, findings and history, and the buttons the caller may press. */
export default function ItemPage() {
  const { id = '' } = useParams();
  const me = useSignedIn();
  const item = useItem(id);
  const photos = usePhotos(id);
  const editable = item.data?.state === 'draft' && me.role === 'editor';
  const checks = useChecks(id, Boolean(item.data && ['draft', 'awaiting_signoff'].includes(item.data.state)));

  if (item.isPending) return <Skeleton active />;
  if (item.error)
    return <Result status={item.error.status === 404 ? '404' : 'error'} title={item.error.status === 404 ? '没有找到这条信息' : '无法加载'} subTitle={item.error.status === 404 ? '它可能不存在，或不在您的查看范围内。' : item.error.message} extra={<Link to="/tasks"><Button>回到我的待办</Button></Link>} />;
  const it = item.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Space wrap size={8}>
            <StateTag state={it.state} />
            <Typography.Text type="secondary">{it.unitName}</Typography.Text>
            {it.major && <Typography.Text type="warning">重大活动/事件</Typography.Text>}
          </Space>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="item-title">{it.title}</Typography.Title>
          <Space wrap>
            <ActionBar item={it} />
            {editable && <Link to={`/items/${id}/edit`}><Button icon={<EditOutlined />}>编辑</Button></Link>}
          </Space>
          {it.claimedByName && <Typography.Text type="secondary">认领人：{it.claimedByName}</Typography.Text>}
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title="正文">
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15, lineHeight: 1.9 }}>{it.body || '（正文为空）'}</Typography.Paragraph>
              {it.wechatUrl && <a href={it.wechatUrl} target="_blank" rel="noreferrer"><LinkOutlined /> 公众号原文</a>}
            </Card>
            <Card title="图片">
              {photos.isPending ? <Skeleton.Image active /> : <PhotoGrid itemId={id} photos={photos.data ?? []} />}
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title="信息">
              <Descriptions column={1} size="small">
                <Descriptions.Item label="事件日期">{it.eventDate}</Descriptions.Item>
                <Descriptions.Item label="类别">{KIND_LABEL[it.kind]}</Descriptions.Item>
                {it.commissionId && <Descriptions.Item label="回复约稿"><CommissionLink id={it.commissionId} /></Descriptions.Item>}
                <Descriptions.Item label="报送时限"><DeadlineBadge item={it} /></Descriptions.Item>
                <Descriptions.Item label="签发人">{it.signer ? `${it.signer}（${dateTimeOf(it.signedAt)}）` : '—'}</Descriptions.Item>
                <Descriptions.Item label="报送日期">{dateOf(it.submittedAt)}</Descriptions.Item>
                <Descriptions.Item label="采用日期">{dateOf(it.adoptedAt)}</Descriptions.Item>
              </Descriptions>
            </Card>
            {checks.data && (
              <Card title="质量检查">
                {checks.error ? <Alert type="error" title={checks.error.message} /> : <FindingsPanel findings={checks.data.results} />}
              </Card>
            )}
            <Card title="处理记录">
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                <Timeline id={id} />
                <CommentBox id={id} />
              </Space>
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
