import { Button, Card, Empty, Image, Input, Popconfirm, Space, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import type { Schemas } from '../api/client';
import type { Finding } from './FindingsPanel';

/** A photo as the API lists it (`GET /v1/submissions/:id/images`). */
export type PhotoFields = Schemas['Photo'];

export const photoUrl = (itemId: string, photoId: string) => `/v1/submissions/${itemId}/images/${photoId}`;

const sizeOf = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`);

interface Props {
  itemId: string;
  photos: PhotoFields[];
  /** The quality findings: those about a photo (`images[n]`) show under it. */
  findings?: Finding[];
  /** In the editor: change a caption, remove a photo. */
  onCaption?: (photo: PhotoFields, caption: string) => void;
  onRemove?: (photo: PhotoFields) => void;
}

/** The item's photos with their measured size; a click opens the large preview. */
export function PhotoGrid({ itemId, photos, findings = [], onCaption, onRemove }: Props) {
  if (photos.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有图片（需 1–3 张，每张至少 800×600 像素）" />;
  return (
    <Image.PreviewGroup>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))', gap: 12 }}>
        {photos.map((photo) => (
          <Card key={photo.id} size="small" styles={{ body: { padding: 8 } }} data-testid="photo">
            <Image src={photoUrl(itemId, photo.id)} alt={photo.caption ?? `第${photo.position}张图片`} style={{ width: '100%', aspectRatio: '4 / 3', objectFit: 'cover' }} />
            <Space orientation="vertical" size={4} style={{ width: '100%', marginTop: 6 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="photo-size">
                第{photo.position}张 · {photo.width}×{photo.height} · {sizeOf(photo.bytes)}
              </Typography.Text>
              {findings
                .filter((f) => f.field === `images[${photo.position}]`)
                .map((f) => (
                  <Typography.Text key={f.code} type={f.severity === 'error' ? 'danger' : 'warning'} style={{ fontSize: 12 }}>{f.message}</Typography.Text>
                ))}
              {onCaption ? (
                <Input
                  key={photo.caption ?? ''}
                  size="small"
                  placeholder="图注"
                  defaultValue={photo.caption ?? ''}
                  aria-label={`第${photo.position}张图片的图注`}
                  onBlur={(e) => e.target.value !== (photo.caption ?? '') && onCaption(photo, e.target.value)}
                />
              ) : (
                <Typography.Text style={{ fontSize: 13 }}>{photo.caption ?? '（无图注）'}</Typography.Text>
              )}
              {onRemove && (
                <Popconfirm title="删除这张图片？" okText="删除" cancelText="取消" onConfirm={() => onRemove(photo)}>
                  <Button size="small" danger icon={<DeleteOutlined />} block>删除</Button>
                </Popconfirm>
              )}
            </Space>
          </Card>
        ))}
      </div>
    </Image.PreviewGroup>
  );
}
