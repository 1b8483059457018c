import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { faceDistance, photoLevelOf } from '@raksha/matching';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { encodeJpeg, lazyFaceDescriber, startFaceDescriber, type FaceDescriber, type RgbImage } from '../src/index.js';
import { ALTERATIONS, portrait, SAMPLE_FACES } from '../src/samples.js';

// The real models on the package's own sample photos: seconds per photo on a loaded machine.
jest.setTimeout(180_000);

let describer: FaceDescriber;
beforeAll(async () => {
  describer = startFaceDescriber();
  await describer.ready();
});
afterAll(() => describer.close());

async function descriptor(image: RgbImage): Promise<number[]> {
  const { description } = await describer.describe(encodeJpeg(image), 'image/jpeg');
  if (description.status !== 'DESCRIBED') throw new Error(`no face described: ${description.status}`);
  return description.descriptor;
}

const [first, second, third] = SAMPLE_FACES.filter((f) => f.sample === 1) as [(typeof SAMPLE_FACES)[number], (typeof SAMPLE_FACES)[number], (typeof SAMPLE_FACES)[number]];

describe('the face describer', () => {
  it('finds the same face alike after cropping, light and recompression, and at least similar when turned', async () => {
    const original = await descriptor(portrait(first));
    for (const name of ['cropped differently', 'darker', 'recompressed at quality 30']) {
      const altered = await descriptor(ALTERATIONS[name]!(first));
      expect({ name, level: photoLevelOf(faceDistance(original, altered)) }).toEqual({ name, level: 'alike' });
    }
    // The descriptor is taken from the detector's upright box: a turned head moves it (0.30 typical, 0.44 at most).
    expect(['alike', 'similar']).toContain(photoLevelOf(faceDistance(original, await descriptor(ALTERATIONS['turned 12°']!(first)))));
  });

  it('finds different people of one photo unlike', async () => {
    const [a, b, c] = [await descriptor(portrait(first)), await descriptor(portrait(second)), await descriptor(portrait(third))];
    expect(photoLevelOf(faceDistance(a, b))).toBe('unlike');
    expect(photoLevelOf(faceDistance(a, c))).toBe('unlike');
    expect(photoLevelOf(faceDistance(b, c))).toBe('unlike');
  });

  it('describes the largest face of a group photo, and says which photos it cannot read', async () => {
    const group = await describer.describe(encodeJpeg(portrait(first, 3)), 'image/jpeg');
    expect(group.description).toMatchObject({ status: 'DESCRIBED' });
    expect(await describer.describe(Buffer.from('not a photo'), 'image/jpeg')).toMatchObject({ description: { status: 'UNREADABLE' } });
    expect(await describer.describe(Buffer.from('RIFF....WEBP'), 'image/webp')).toMatchObject({ description: { status: 'UNREADABLE' } });
    expect(await describer.describe(Buffer.from('GIF89a'), 'image/gif')).toMatchObject({ description: { status: 'UNREADABLE', reason: 'photos of type image/gif are not read' } });
    const blank: RgbImage = { width: 200, height: 200, data: new Uint8Array(200 * 200 * 3).fill(200) };
    expect((await describer.describe(encodeJpeg(blank), 'image/jpeg')).description.status).toBe('NO_FACE');
  });

  it('reads a WebP photo as it reads a JPEG', async () => {
    const image = portrait(first);
    const webp = await encodeWebp(image);
    const { description } = await describer.describe(webp, 'image/webp');
    if (description.status !== 'DESCRIBED') throw new Error(`no face described in the WebP: ${description.status}`);
    expect(photoLevelOf(faceDistance(await descriptor(image), description.descriptor))).toBe('alike');
  });
});

// The test's own WebP encoder (the app only decodes): libwebp's encoder from the same package.
async function encodeWebp(image: RgbImage): Promise<Uint8Array> {
  const require = createRequire(import.meta.url);
  const mod = (await import('@jsquash/webp/encode.js')) as unknown as {
    default: (img: { data: Uint8ClampedArray; width: number; height: number }, options: { quality: number }) => Promise<ArrayBuffer>;
    init: (compiled: unknown) => Promise<void>;
  };
  const { WebAssembly: wasm } = globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<unknown> } };
  await mod.init(await wasm.compile(readFileSync(require.resolve('@jsquash/webp/codec/enc/webp_enc.wasm'))));
  const rgba = new Uint8ClampedArray(image.width * image.height * 4);
  for (let i = 0; i < image.width * image.height; i++) {
    rgba.set(image.data.subarray(i * 3, i * 3 + 3), i * 4);
    rgba[i * 4 + 3] = 255;
  }
  return new Uint8Array(await mod.default({ data: rgba, width: image.width, height: image.height }, { quality: 80 }));
}

describe('the lazy describer', () => {
  it('starts its thread with the first photo, and a new one after its thread has stopped', async () => {
    const lazy = lazyFaceDescriber();
    const photo = encodeJpeg(portrait(SAMPLE_FACES[0]!));
    try {
      expect((await lazy.describe(photo, 'image/jpeg')).description.status).toBe('DESCRIBED');
      await lazy.close();
      expect((await lazy.describe(photo, 'image/jpeg')).description.status).toBe('DESCRIBED');
    } finally {
      await lazy.close();
    }
  });

  it('knows when a thread has stopped', async () => {
    const d = startFaceDescriber();
    await d.ready();
    expect(d.failed()).toBe(false);
    await d.close();
    // The thread's exit is reported by an event after terminate() returns.
    for (let i = 0; i < 100 && !d.failed(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(d.failed()).toBe(true);
    await expect(d.describe(new Uint8Array(1), 'image/jpeg')).rejects.toThrow(/stopped/);
  });
});
