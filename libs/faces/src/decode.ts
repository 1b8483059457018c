// A report's photograph (JPEG, PNG or WebP, as filed) decoded to RGB pixels: JPEG and PNG in pure JavaScript, WebP with
// libwebp compiled to WebAssembly (@jsquash/webp, its .wasm read from the package). No native image library.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

const require = createRequire(import.meta.url);

/** Pixels row by row, three bytes (red, green, blue) each. */
export interface RgbImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** The photograph types the describer reads (every type a report may carry); another is recorded as not read. */
export const READABLE_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

export class UnreadablePhoto extends Error {}

/** A photo of more pixels than this is refused before decoding (a 300 kB JPEG can claim a huge size). */
const MAX_PIXELS = 25_000_000;

/** Any readable photo; WebP's decoder is loaded with the first WebP. */
export async function readPhoto(bytes: Uint8Array, contentType: string): Promise<RgbImage> {
  if (contentType !== 'image/webp') return decodePhoto(bytes, contentType);
  let rgba: { width: number; height: number; data: Uint8ClampedArray };
  try {
    rgba = await (await webpDecoder())(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (e) {
    throw new UnreadablePhoto(`the photo could not be decoded (${(e as Error).message})`);
  }
  if (rgba.width * rgba.height > MAX_PIXELS) throw new UnreadablePhoto('the photo has too many pixels');
  return { width: rgba.width, height: rgba.height, data: dropAlpha(new Uint8Array(rgba.data.buffer, rgba.data.byteOffset, rgba.data.byteLength), rgba.width * rgba.height) };
}

type WebpDecode = (buffer: ArrayBuffer) => Promise<{ width: number; height: number; data: Uint8ClampedArray }>;
let webp: Promise<WebpDecode> | undefined;

function webpDecoder(): Promise<WebpDecode> {
  webp ??= (async () => {
    // The decoder builds a browser ImageData; Node has none, and a plain holder of the same fields serves.
    const g = globalThis as { ImageData?: unknown };
    g.ImageData ??= class {
      constructor(
        readonly data: Uint8ClampedArray,
        readonly width: number,
        readonly height: number,
      ) {}
    };
    const mod = (await import('@jsquash/webp/decode.js')) as unknown as { default: WebpDecode; init: (compiled: unknown) => Promise<void> };
    // The project's type libraries leave WebAssembly out; Node has it.
    const { WebAssembly: wasm } = globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<unknown> } };
    await mod.init(await wasm.compile(readFileSync(require.resolve('@jsquash/webp/codec/dec/webp_dec.wasm'))));
    return mod.default;
  })();
  return webp;
}

/** A JPEG or PNG photo (synchronous: what tests and the evaluation decode). */
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
