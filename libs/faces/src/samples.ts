// The sample photographs that ship inside @vladmandic/face-api (demo/sample1.jpg … sample6.jpg: group photos of adults),
// cut into one portrait per face, and the alterations a photo goes through between two reports (cropped differently,
// turned, lighter or darker, compressed again). For tests, the evaluation and the benchmark: no other photos can be had.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { decodePhoto, encodeJpeg, type RgbImage } from './decode.js';
import type { FaceBox } from './description.js';

const require = createRequire(import.meta.url);

/** A face in a sample photo: which photo, and the box the package's detector finds around it (pinned version). */
export interface SampleFace {
  id: string;
  sample: number;
  box: FaceBox;
}

// Boxes as SsdMobilenetv1 (minConfidence 0.5) finds them in each sample; every face of one photo is a different person.
const BOXES: Record<number, [number, number, number, number][]> = {
  1: [[414, 355, 178, 238], [838, 421, 187, 227], [1476, 200, 203, 241]],
  2: [[1447, 153, 193, 243], [901, 218, 151, 235], [361, 127, 153, 258]],
  3: [[585, 329, 199, 271], [1514, 292, 170, 279], [1075, 215, 221, 299]],
  4: [[664, 52, 187, 258], [257, 184, 162, 246], [988, 180, 169, 228], [1277, 144, 145, 243]],
  5: [[787, 109, 156, 212], [1112, 198, 159, 237], [1406, 390, 166, 270], [597, 415, 167, 249], [377, 859, 172, 300]],
  6: [[681, 321, 159, 306], [1181, 305, 188, 280], [1487, 263, 212, 294], [250, 467, 210, 291]],
};

export const SAMPLE_FACES: readonly SampleFace[] = Object.entries(BOXES).flatMap(([sample, boxes]) =>
  boxes.map(([x, y, width, height], i) => ({ id: `s${sample}f${i + 1}`, sample: Number(sample), box: { x, y, width, height } })),
);

const decoded = new Map<number, RgbImage>();

/** A sample photo as the package ships it (JPEG bytes). */
export function samplePhotoBytes(sample: number): Buffer {
  return readFileSync(join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo', `sample${sample}.jpg`));
}

export function samplePhoto(sample: number): RgbImage {
  let image = decoded.get(sample);
  if (!image) decoded.set(sample, (image = decodePhoto(samplePhotoBytes(sample), 'image/jpeg')));
  return image;
}

/** Part of an image; the rectangle is clipped to the image. */
export function crop(image: RgbImage, r: FaceBox): RgbImage {
  const x0 = Math.max(0, Math.round(r.x));
  const y0 = Math.max(0, Math.round(r.y));
  const x1 = Math.min(image.width, Math.round(r.x + r.width));
  const y1 = Math.min(image.height, Math.round(r.y + r.height));
  const width = x1 - x0;
  const height = y1 - y0;
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) data.set(image.data.subarray(((y0 + y) * image.width + x0) * 3, ((y0 + y) * image.width + x1) * 3), y * width * 3);
  return { width, height, data };
}

/**
 * A portrait of one sample face, as a report's photo would be: the face with `margin` of its size around it (head and
 * shoulders), shifted by `shift` of its size (another framing of the same photo).
 */
export function portrait(face: SampleFace, margin = 0.8, shift = { x: 0, y: 0 }): RgbImage {
  const { x, y, width, height } = face.box;
  return crop(samplePhoto(face.sample), {
    x: x - margin * width + shift.x * width,
    y: y - margin * height + shift.y * height,
    width: width * (1 + 2 * margin),
    height: height * (1 + 2 * margin),
  });
}

/** The image turned by `degrees` about its centre (bilinear), the corners filled with grey. */
export function rotate(image: RgbImage, degrees: number): RgbImage {
  const { width, height, data } = image;
  const out = new Uint8Array(data.length);
  const [cos, sin] = [Math.cos((degrees * Math.PI) / 180), Math.sin((degrees * Math.PI) / 180)];
  const [cx, cy] = [width / 2, height / 2];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // where this output pixel comes from in the input
      const sx = cos * (x - cx) + sin * (y - cy) + cx;
      const sy = -sin * (x - cx) + cos * (y - cy) + cy;
      const [x0, y0] = [Math.floor(sx), Math.floor(sy)];
      const [fx, fy] = [sx - x0, sy - y0];
      for (let c = 0; c < 3; c++) {
        const at = (px: number, py: number) => (px >= 0 && py >= 0 && px < width && py < height ? data[(py * width + px) * 3 + c]! : 128);
        const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
        const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
        out[(y * width + x) * 3 + c] = Math.round(top * (1 - fy) + bottom * fy);
      }
    }
  }
  return { width, height, data: out };
}

/** Every channel times `factor` (above 1 lighter, below darker), clipped. */
export function brighten(image: RgbImage, factor: number): RgbImage {
  return { ...image, data: image.data.map((v) => Math.min(255, Math.round(v * factor))) };
}

/** Shrunk by a whole factor (box average): a small photo sent over a weak link. */
export function shrink(image: RgbImage, factor: number): RgbImage {
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        for (let dy = 0; dy < factor; dy++) for (let dx = 0; dx < factor; dx++) sum += image.data[((y * factor + dy) * image.width + x * factor + dx) * 3 + c]!;
        data[(y * width + x) * 3 + c] = Math.round(sum / (factor * factor));
      }
    }
  }
  return { width, height, data };
}

/** Decoded and encoded again at a low JPEG quality (a photo forwarded through a messaging app). */
export function recompress(image: RgbImage, quality = 40): RgbImage {
  return decodePhoto(encodeJpeg(image, quality), 'image/jpeg');
}

/** The alterations a second report's photo of the same face is tested with, by name. */
export const ALTERATIONS: Record<string, (face: SampleFace) => RgbImage> = {
  'cropped differently': (f) => portrait(f, 0.5, { x: 0.15, y: -0.1 }),
  'turned 12°': (f) => rotate(portrait(f), 12),
  'darker': (f) => brighten(portrait(f), 0.6),
  'lighter': (f) => brighten(portrait(f), 1.35),
  'recompressed at quality 30': (f) => recompress(portrait(f), 30),
  'halved and recompressed': (f) => recompress(shrink(portrait(f), 2), 50),
};
