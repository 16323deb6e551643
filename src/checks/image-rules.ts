import type { CheckResult } from './types.ts';

export const MIN_LONG_SIDE = 800;
export const MIN_SHORT_SIDE = 600;
export const MAX_IMAGES = 3;
export const ACCEPTED_TYPES = ['image/jpeg', 'image/png'] as const;

/** What the checks know of a stored photo: measured from its bytes at upload, never from the client. */
export interface ImageFacts {
  id: string;
  position: number;
  mime: string;
  /** Pixel size after EXIF orientation. */
  width: number;
  height: number;
  bytes: number;
  caption: string | null;
}

export function checkImageCount(images: ImageFacts[]): CheckResult[] {
  if (images.length >= 1 && images.length <= MAX_IMAGES) return [];
  return [
    {
      code: 'images_count',
      severity: 'error',
      field: 'images',
      message: images.length === 0 ? '请至少上传1张反映信息内容的图片。' : `每条信息所附图片不超过${MAX_IMAGES}张，当前为${images.length}张，请删减。`,
    },
  ];
}

export function checkImageResolution(images: ImageFacts[]): CheckResult[] {
  return images
    .filter((image) => Math.max(image.width, image.height) < MIN_LONG_SIDE || Math.min(image.width, image.height) < MIN_SHORT_SIDE)
    .map((image) => ({
      code: 'image_resolution',
      severity: 'error' as const,
      field: `images[${image.position}]`,
      message: `第${image.position}张图片分辨率为${image.width}×${image.height}像素，低于${MIN_LONG_SIDE}×${MIN_SHORT_SIDE}像素，请更换清晰图片。`,
    }));
}

export function checkImageType(images: ImageFacts[], maxBytes: number): CheckResult[] {
  const results: CheckResult[] = [];
  for (const image of images) {
    if (!(ACCEPTED_TYPES as readonly string[]).includes(image.mime)) {
      results.push({ code: 'image_type', severity: 'error', field: `images[${image.position}]`, message: `第${image.position}张图片不是JPEG或PNG格式。` });
    } else if (image.bytes > maxBytes) {
      results.push({
        code: 'image_type',
        severity: 'error',
        field: `images[${image.position}]`,
        message: `第${image.position}张图片超过${Math.round(maxBytes / 1024 / 1024)}MB，请压缩后上传。`,
      });
    }
  }
  return results;
}

/** One photo's own findings, answered with its upload. */
export function checkPhoto(image: ImageFacts, maxBytes: number): CheckResult[] {
  return [...checkImageResolution([image]), ...checkImageType([image], maxBytes)];
}

export function checkImageCaptions(images: ImageFacts[]): CheckResult[] {
  return images
    .filter((image) => !image.caption?.trim())
    .map((image) => ({
      code: 'image_caption',
      severity: 'warning' as const,
      field: `images[${image.position}]`,
      message: `第${image.position}张图片缺少图注，请补充。`,
    }));
}
