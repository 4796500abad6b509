import sharp from 'sharp';

/** The image could not be decoded (a file that only looks like a photo, or a broken one). */
export class UnreadableImageError extends Error {
  override name = 'UnreadableImageError';
}

export interface PreparedPhoto {
  /** The photo as stored: turned upright and re-encoded in its own format, without EXIF (no GPS position). */
  photo: Buffer;
  /** A WebP thumbnail `thumbnailWidth` wide (never enlarged). */
  thumbnail: Buffer;
  width: number;
  height: number;
}

const LIMIT_INPUT_PIXELS = 80_000_000;

/**
 * Decodes an uploaded JPEG, PNG or WebP photo and returns what is stored: the photo upright and stripped of its
 * metadata (phones write the place a photo was taken into it), a thumbnail, and the displayed size.
 */
export async function preparePhoto(bytes: Buffer, thumbnailWidth: number): Promise<PreparedPhoto> {
  try {
    const upright = sharp(bytes, { limitInputPixels: LIMIT_INPUT_PIXELS }).rotate();
    const { format } = await sharp(bytes, { limitInputPixels: LIMIT_INPUT_PIXELS }).metadata();
    const encoded =
      format === 'png'
        ? upright.png()
        : format === 'webp'
          ? upright.webp({ quality: 90 })
          : upright.jpeg({ quality: 90, mozjpeg: true });
    const { data: photo, info } = await encoded.toBuffer({ resolveWithObject: true });
    const thumbnail = await sharp(photo)
      .resize({ width: thumbnailWidth, withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    return { photo, thumbnail, width: info.width, height: info.height };
  } catch (error) {
    throw new UnreadableImageError(error instanceof Error ? error.message : String(error));
  }
}
