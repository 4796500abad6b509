import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { preparePhoto, UnreadableImageError } from './images';

async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 1200, height: 600, channels: 3, background: '#3a7' } })
    .withExif({ IFD0: { Make: 'PhoneMaker', Copyright: 'บ้านหนองบัว' } })
    .withMetadata({ orientation: 6 })
    .jpeg()
    .toBuffer();
}

describe('preparePhoto', () => {
  it('turns the photo upright, drops its metadata and makes a thumbnail', async () => {
    const original = await phonePhoto();
    const before = await sharp(original).metadata();
    expect(before.exif).toBeDefined();
    expect(before.orientation).toBe(6);

    const prepared = await preparePhoto(original, 480);
    const stored = await sharp(prepared.photo).metadata();
    expect(stored.format).toBe('jpeg');
    expect(stored.exif).toBeUndefined();
    expect(stored.orientation).toBeUndefined();
    expect([stored.width, stored.height]).toEqual([600, 1200]);
    expect([prepared.width, prepared.height]).toEqual([600, 1200]);

    const thumbnail = await sharp(prepared.thumbnail).metadata();
    expect(thumbnail.format).toBe('webp');
    expect([thumbnail.width, thumbnail.height]).toEqual([480, 960]);
  });

  it('keeps PNG as PNG and never enlarges a small photo', async () => {
    const small = await sharp({ create: { width: 200, height: 100, channels: 4, background: '#fff0' } })
      .png()
      .toBuffer();
    const prepared = await preparePhoto(small, 480);
    expect((await sharp(prepared.photo).metadata()).format).toBe('png');
    expect((await sharp(prepared.thumbnail).metadata()).width).toBe(200);
  });

  it('refuses bytes that only start like an image', async () => {
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)]);
    await expect(preparePhoto(fake, 480)).rejects.toBeInstanceOf(UnreadableImageError);
  });
});
