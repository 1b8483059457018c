// npm run eval:faces — what the face descriptor does on the only photos that can be had here: the package's sample
// faces (22 adults in 6 group photos). Prints the model's load time and memory, the time per photo, the distances
// between each face's portrait and its altered copies (the same face), and between the portraits of different people,
// with how many of each fall in each photo level. It cannot measure children, nor photos years apart.
import { encodeJpeg, startFaceDescriber, type RgbImage } from '../src/index.js';
import { ALTERATIONS, portrait, SAMPLE_FACES } from '../src/samples.js';
import { faceDistance, photoLevelOf, FIELD_LEVELS } from '@raksha/matching';

const mb = (n: number) => `${Math.round(n / 2 ** 20)} MiB`;
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const describer = startFaceDescriber();
const { loadMs } = await describer.ready();
const readyMs = performance.now() - started;
const rssLoaded = process.memoryUsage().rss;

const times: number[] = [];
async function descriptorOf(image: RgbImage): Promise<number[] | null> {
  const jpeg = encodeJpeg(image, 90);
  const { description, ms } = await describer.describe(jpeg, 'image/jpeg');
  times.push(ms);
  return description.status === 'DESCRIBED' ? description.descriptor : null;
}

const base = new Map<string, number[]>();
let missed = 0;
for (const face of SAMPLE_FACES) {
  const d = await descriptorOf(portrait(face));
  if (d) base.set(face.id, d);
  else missed += 1;
}
const same: { face: string; alteration: string; distance: number | null }[] = [];
for (const face of SAMPLE_FACES) {
  const a = base.get(face.id);
  if (!a) continue;
  for (const [alteration, make] of Object.entries(ALTERATIONS)) {
    const d = await descriptorOf(make(face));
    same.push({ face: face.id, alteration, distance: d ? faceDistance(a, d) : null });
  }
}
const different: { a: string; b: string; samePhoto: boolean; distance: number }[] = [];
const faces = SAMPLE_FACES.filter((f) => base.has(f.id));
for (let i = 0; i < faces.length; i++) {
  for (let j = i + 1; j < faces.length; j++) {
    different.push({ a: faces[i]!.id, b: faces[j]!.id, samePhoto: faces[i]!.sample === faces[j]!.sample, distance: faceDistance(base.get(faces[i]!.id)!, base.get(faces[j]!.id)!) });
  }
}
const rssEnd = process.memoryUsage().rss;
await describer.close();

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const levels = (ds: (number | null)[]) =>
  FIELD_LEVELS.photo.map((l) => `${l} ${ds.filter((d) => d !== null && photoLevelOf(d) === l).length}`).join(', ') + `, no face ${ds.filter((d) => d === null).length}`;
console.log(`model: ready ${Math.round(readyMs)} ms after start (models loaded in ${Math.round(loadMs)} ms on the describer's thread); RSS ${mb(rssBefore)} → ${mb(rssLoaded)} loaded → ${mb(rssEnd)} after ${times.length} photos`);
console.log(`per photo (decode + detect + landmarks + descriptor): median ${Math.round(pct(times, 50))} ms, p95 ${Math.round(pct(times, 95))} ms, max ${Math.round(Math.max(...times))} ms`);
console.log(`portraits: ${base.size} of ${SAMPLE_FACES.length} described (${missed} without a face found)`);
console.log(`same face, altered (${same.length}): ${levels(same.map((s) => s.distance))}`);
for (const [alteration] of Object.entries(ALTERATIONS)) {
  const ds = same.filter((s) => s.alteration === alteration).map((s) => s.distance).filter((d): d is number => d !== null);
  console.log(`  ${alteration}: max distance ${Math.max(...ds).toFixed(3)}, median ${pct(ds, 50).toFixed(3)}`);
}
const diff = different.map((d) => d.distance);
console.log(`different people (${different.length} pairs, ${different.filter((d) => d.samePhoto).length} in the same photo): ${levels(diff)}`);
console.log(`  min distance ${Math.min(...diff).toFixed(3)}, 5th percentile ${pct(diff, 5).toFixed(3)}, median ${pct(diff, 50).toFixed(3)}`);
const closest = [...different].sort((a, b) => a.distance - b.distance).slice(0, 5);
console.log(`  closest pairs: ${closest.map((d) => `${d.a}/${d.b} ${d.distance.toFixed(3)}${d.samePhoto ? ' (same photo)' : ''}`).join('; ')}`);
