// A report's photograph (JPEG or PNG, as filed) decoded to RGB pixels in pure JavaScript: no native image library.
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/** Pixels row by row, three bytes (red, green, blue) each. */
export interface RgbImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** The photograph types the describer reads; a report's photo of another type (WebP) is recorded as not read. */
export const READABLE_PHOTO_TYPES = ['image/jpeg', 'image/png'] as const;

export class UnreadablePhoto extends Error {}

/** A photo of more pixels than this is refused before decoding (a 300 kB JPEG can claim a huge size). */
const MAX_PIXELS = 25_000_000;

export function decodePhoto(bytes: Uint8Array, contentType: string): RgbImage {
  try {
    if (contentType === 'image/jpeg') {
      const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: false, maxResolutionInMP: MAX_PIXELS / 1e6, maxMemoryUsageInMB: 512 });
      return { width: img.width, height: img.height, data: img.data };
    }
    if (contentType === 'image/png') {
      const png = PNG.sync.read(Buffer.from(bytes));
      if (png.width * png.height > MAX_PIXELS) throw new UnreadablePhoto('the photo has too many pixels');
      return { width: png.width, height: png.height, data: dropAlpha(png.data, png.width * png.height) };
    }
  } catch (e) {
    throw e instanceof UnreadablePhoto ? e : new UnreadablePhoto(`the photo could not be decoded (${(e as Error).message})`);
  }
  throw new UnreadablePhoto(`photos of type ${contentType} are not read`);
}

function dropAlpha(rgba: Uint8Array, pixels: number): Uint8Array {
  const rgb = new Uint8Array(pixels * 3);
  for (let i = 0; i < pixels; i++) {
    rgb[i * 3] = rgba[i * 4]!;
    rgb[i * 3 + 1] = rgba[i * 4 + 1]!;
    rgb[i * 3 + 2] = rgba[i * 4 + 2]!;
  }
  return rgb;
}

/** RGB pixels as a JPEG (what tests and the benchmark use to make altered copies of a photo). */
export function encodeJpeg(image: RgbImage, quality = 90): Buffer {
  const rgba = new Uint8Array(image.width * image.height * 4);
  for (let i = 0; i < image.width * image.height; i++) {
    rgba[i * 4] = image.data[i * 3]!;
    rgba[i * 4 + 1] = image.data[i * 3 + 1]!;
    rgba[i * 4 + 2] = image.data[i * 3 + 2]!;
    rgba[i * 4 + 3] = 255;
  }
  return jpeg.encode({ width: image.width, height: image.height, data: rgba }, quality).data;
}
