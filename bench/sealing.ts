// `npm run bench:sealing`: what sealing costs the paths that open many values (docs/sealed-fields.md): opening a face
// descriptor (the photo route opens every descriptor of its block), a report's contact and place, a 300 kB photo, and
// re-sealing a value under a new key (the re-seal job: a rewrap of its data key). In memory, no database. Not a test.
// Usage: npm run bench:sealing -- [--n 20000]
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { DataKeyRing } from '@raksha/config';
import { descriptorBytes, Sealer } from '@raksha/db';

const { values: args } = parseArgs({ options: { n: { type: 'string', default: '20000' } } });
const n = Number(args.n);
const oldKey = randomBytes(32);
const sealer = new Sealer(new DataKeyRing(oldKey));
const rotated = new Sealer(new DataKeyRing(randomBytes(32), [oldKey]));

function perValue(label: string, count: number, run: (i: number) => void) {
  for (let i = 0; i < Math.min(200, count); i++) run(i); // warm-up
  const t = performance.now();
  for (let i = 0; i < count; i++) run(i);
  const us = ((performance.now() - t) * 1000) / count;
  console.log(`[bench:sealing] ${label.padEnd(44)} ${us.toFixed(1)} µs each (${count.toLocaleString('en-IN')} values)`);
}

console.log(`[bench:sealing] load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores: compare the lines with the floor, not across machines`);
const descriptor = Buffer.from(descriptorBytes(Array.from({ length: 128 }, (_, i) => Math.sin(i) / 10)));
const sealedDescriptors = Array.from({ length: n }, (_, i) => sealer.sealBytes(descriptor, `face:${i}:descriptor`));
// The floor: one AES-256-GCM open of the same 512 bytes, no envelope, no encoding.
const floorKey = randomBytes(32);
const floorNonce = randomBytes(12);
const floorCipher = createCipheriv('aes-256-gcm', floorKey, floorNonce);
const floorBody = Buffer.concat([floorCipher.update(descriptor), floorCipher.final()]);
const floorTag = floorCipher.getAuthTag();
perValue('floor: one bare AES-256-GCM open of 512 bytes', n, () => {
  const d = createDecipheriv('aes-256-gcm', floorKey, floorNonce);
  d.setAuthTag(floorTag);
  Buffer.concat([d.update(floorBody), d.final()]);
});
perValue('seal a face descriptor (512 bytes)', n, (i) => sealer.sealBytes(descriptor, `face:${i}:descriptor`));
perValue('open a face descriptor', n, (i) => sealer.openBytes(sealedDescriptors[i]!, `face:${i}:descriptor`));
const contact = { name: 'Sunita Devi', phone: '9414012345', email: 'sunita@example.in' };
const sealedContacts = Array.from({ length: n }, (_, i) => sealer.seal(contact, `report:${i}:reporterContact`));
perValue('open a reporter contact (JSON)', n, (i) => sealer.open(sealedContacts[i]!, `report:${i}:reporterContact`));
const photo = randomBytes(300_000);
const photos = Math.max(50, Math.floor(n / 100));
const sealedPhoto = sealer.sealBytes(photo, 'report:1:photo');
perValue('seal a 300 kB photo', photos, () => sealer.sealBytes(photo, 'report:1:photo'));
perValue('open a 300 kB photo', photos, () => sealer.openBytes(sealedPhoto, 'report:1:photo'));
perValue('re-seal under a new key (rewrap, any size)', n, (i) => rotated.reseal(sealedDescriptors[i]!, `face:${i}:descriptor`));
