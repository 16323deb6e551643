import sharp, { type Metadata } from 'sharp';
import { errors } from '../errors.ts';

export type ImageKind = 'image/jpeg' | 'image/png';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Bytes needed to tell the type: PNG's signature is the longest. */
export const SNIFF_BYTES = PNG_SIGNATURE.length;

const KIND_OF_FORMAT: Record<string, ImageKind> = { jpeg: 'image/jpeg', png: 'image/png' };

/** Decoding a probe this small keeps libvips streaming: only a few pixel rows are held at a time. */
const PROBE_SIDE = 64;

// Each upload is decoded once: libvips' operation cache would only hold finished images and open files.
sharp.cache(false);

/** The type from the first bytes, whatever the name or the declared content type say. */
export function sniffType(head: Buffer): ImageKind | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.length >= SNIFF_BYTES && head.subarray(0, SNIFF_BYTES).equals(PNG_SIGNATURE)) return 'image/png';
  return null;
}

export interface DecodedImage {
  kind: ImageKind;
  /** Pixel size as the photo is shown, EXIF orientation applied. */
  width: number;
  height: number;
}

const pixelCount = new Intl.NumberFormat('zh-CN', { notation: 'compact', maximumFractionDigits: 2 });

const invalid = () => errors.unprocessable('image_invalid', '图片文件不完整或已损坏，无法解码，请重新导出后上传。');

/**
 * Measures a photo by decoding it, never by trusting its header: the header's size is believed only
 * once every pixel row behind it has decoded without a warning. A header over `maxPixels` is refused
 * before any pixel is decoded (decompression bombs). Decoding goes through a tiny resize so that
 * libvips streams the file (JPEG shrinks on load, PNG rows pass through); the EXIF turn is read from
 * the metadata rather than applied, since rotating would hold the whole image in memory.
 */
export async function decodeImage(file: string, maxPixels: number): Promise<DecodedImage> {
  let header: Metadata;
  try {
    // Header only: the pixel limit is checked below, so that it has its own answer.
    header = await sharp(file, { limitInputPixels: false }).metadata();
  } catch {
    throw invalid();
  }
  const kind = KIND_OF_FORMAT[header.format];
  if (!kind || !header.width || !header.height) throw invalid();
  if (header.width * header.height > maxPixels) {
    throw errors.unprocessable(
      'image_too_large',
      `图片为${header.width}×${header.height}像素（约${pixelCount.format(header.width * header.height)}像素），超过${pixelCount.format(maxPixels)}像素的上限，请缩小后上传。`,
      { width: header.width, height: header.height, maxPixels },
    );
  }
  try {
    await sharp(file, { failOn: 'warning', limitInputPixels: maxPixels, sequentialRead: true })
      .resize(PROBE_SIDE, PROBE_SIDE, { fit: 'inside' })
      .raw()
      .toBuffer();
  } catch {
    throw invalid();
  }
  return { kind, width: header.autoOrient.width, height: header.autoOrient.height };
}
