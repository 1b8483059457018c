// `npm run bench:faces`: the photo route of the candidate search at scale. Fills raksha_bench_faces (or
// BENCH_FACES_DATABASE_URL; emptied first) with missing reports in one state, each with a face descriptor, then times
// what the matcher does for a found child's photo: FaceRepository.photoCandidates (the block: open, gender, birth
// years, dates, state) and the brute-force distances and nearest 50 in Node. Descriptors are random unit-length vectors
// scaled like the model's (norm ~1), which is enough for timing, not for recall. Not a test.
// Usage: npm run bench:faces -- [--reports 100000] [--measure 100] [--clear (descriptors stored unsealed, as before sealing: the cost of sealing is the difference)]
import { randomBytes, randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { DataKeyRing } from '@raksha/config';
import { createDb, createMatchingPool, descriptorBytes, FaceRepository, poolMatchingSql, Sealer, sealedBytes, sealedFieldBinding } from '@raksha/db';
import { faceDistance, PHOTO_DISTANCE, storedKeys, childReportOf, type Gender } from '@raksha/matching';
import { FACE_MODEL } from '@raksha/faces';
import { prepareBenchDatabase } from './lib/setup.js';
import { percentile } from './lib/stats.js';

const formatMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(1)} ms`);

const { values: args } = parseArgs({ options: { reports: { type: 'string', default: '100000' }, measure: { type: 'string', default: '100' }, clear: { type: 'boolean', default: false } } });
const total = Number(args.reports);
const measure = Number(args.measure);
const log = (line: string) => console.log(`[bench:faces] ${line}`);

const user = process.env.PGUSER ?? 'raksha';
const password = process.env.PGPASSWORD ?? 'raksha';
const hostPort = `${process.env.PGHOST ?? '127.0.0.1'}:${process.env.PGPORT ?? '5432'}`;
const benchUrl = process.env.BENCH_FACES_DATABASE_URL ?? `postgresql://${user}:${password}@${hostPort}/raksha_bench_faces`;
await prepareBenchDatabase(`postgresql://${user}:${password}@${hostPort}/postgres`, benchUrl);
const db = createDb(benchUrl);
const pool = createMatchingPool(benchUrl);
// Descriptors are sealed as the matcher stores them (docs/sealed-fields.md): the search opens every one it reads.
const sealer = new Sealer(new DataKeyRing(randomBytes(32)));
const faces = new FaceRepository(db, sealer, poolMatchingSql(pool));

// A seeded generator, so that runs compare.
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const gaussian = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
const descriptor = () => {
  const v = Array.from({ length: 128 }, gaussian);
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
};
const GENDERS: Gender[] = ['MALE', 'FEMALE'];
const DISTRICTS = ['RJ-JAIPUR', 'RJ-JODHPUR', 'RJ-KOTA', 'RJ-AJMER', 'RJ-BIKANER', 'RJ-UDAIPUR'];

const started = performance.now();
for (let done = 0; done < total; ) {
  const n = Math.min(5000, total - done);
  const rows = Array.from({ length: n }, () => {
    const id = randomUUID();
    const age = 3 + Math.floor(random() * 15);
    const on = new Date(Date.UTC(2020, 0, 1) + Math.floor(random() * 6 * 365) * 86_400_000).toISOString();
    const description = { gender: GENDERS[Math.floor(random() * 2)]!, ageYears: { min: age, max: age } };
    const districtCode = DISTRICTS[Math.floor(random() * DISTRICTS.length)]!;
    const keys = storedKeys(childReportOf({ id, kind: 'MISSING', description, occurredAt: on, place: { stateCode: 'RJ', districtCode } }));
    return { id, on, description, districtCode, keys };
  });
  await db.childReport.createMany({
    data: rows.map((r) => ({
      id: r.id, kind: 'MISSING', status: 'OPEN', filedBy: randomUUID(), filedByRole: 'STATION_OFFICER', description: r.description, occurredAt: new Date(r.on),
      stateCode: 'RJ', districtCode: r.districtCode, ...r.keys, createdAt: new Date(),
    })),
  });
  await db.faceDescriptor.createMany({
    data: rows.map((r) => ({ reportId: r.id, kind: 'MISSING', status: 'DESCRIBED', descriptor: args.clear ? descriptorBytes(descriptor()) : sealedBytes(sealer, descriptorBytes(descriptor()), sealedFieldBinding.faceDescriptor(r.id)), model: FACE_MODEL, detectionScore: 0.99, faces: 1, computedAt: new Date() })),
  });
  done += n;
}
await pool.query('ANALYZE "ChildReport"; ANALYZE "FaceDescriptor"');
log(`${total} missing reports with a face descriptor in one state, written in ${formatMs(performance.now() - started)}`);

const search: number[] = [];
const nearest: number[] = [];
const blocks: number[] = [];
for (let i = 0; i < measure; i++) {
  const age = 3 + Math.floor(random() * 15);
  const subject = descriptor();
  const t0 = performance.now();
  const rows = await faces.photoCandidates({ kind: 'MISSING', model: FACE_MODEL, gender: GENDERS[i % 2]!, birthYearMin: 2026 - age - 3, birthYearMax: 2026 - age + 1, occurredAt: new Date('2026-06-01'), stateCode: 'RJ' });
  const t1 = performance.now();
  rows.map((r) => ({ r, d: faceDistance(subject, r.descriptor) })).filter((x) => x.d < PHOTO_DISTANCE.unsure).sort((a, b) => a.d - b.d).slice(0, 50);
  const t2 = performance.now();
  search.push(t1 - t0);
  nearest.push(t2 - t1);
  blocks.push(rows.length);
}
const p = (xs: number[], q: number) => percentile([...xs].sort((x, y) => x - y), q);
const s = { p50: p(search, 50), p95: p(search, 95) };
const n = { p50: p(nearest, 50), p95: p(nearest, 95) };
const b = [...blocks].sort((x, y) => x - y);
log(`block size (reports of compatible gender and age in the state): median ${b[Math.floor(b.length / 2)]}, max ${b[b.length - 1]}`);
log(`photoCandidates (SQL, descriptors read): p50 ${formatMs(s.p50)}, p95 ${formatMs(s.p95)}; distances and nearest 50: p50 ${formatMs(n.p50)}, p95 ${formatMs(n.p95)}`);
log(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
await pool.end();
await db.$disconnect();
