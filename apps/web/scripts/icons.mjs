// Draws the app's icons (PNG, no dependency): a white shield on the brand colour. Run: node apps/web/scripts/icons.mjs
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const OUT = fileURLToPath(new URL('../public/icons/', import.meta.url));
const BRAND = [0x0b, 0x4f, 0x6c];
const WHITE = [0xff, 0xff, 0xff];
const GOLD = [0xf2, 0xb1, 0x34];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 3 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b] = pixel((x + 0.5) / size, (y + 0.5) / size);
      const o = y * (size * 3 + 1) + 1 + x * 3;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** A shield (a protecting hand's outline, simplified) holding a small circle, inside `scale` of the square (maskable icons keep to the middle 80%). */
function shield(scale) {
  return (u, v) => {
    const x = (u - 0.5) / scale;
    const y = (v - 0.5) / scale;
    // the shield: a square top half narrowing to a point below
    const top = y >= -0.36 && y <= 0.05 && Math.abs(x) <= 0.3;
    const bottom = y > 0.05 && y <= 0.4 && Math.abs(x) <= 0.3 * (1 - (y - 0.05) / 0.35);
    const inShield = top || bottom;
    const inCircle = Math.hypot(x, y + 0.04) <= 0.12;
    if (inCircle) return GOLD;
    return inShield ? WHITE : BRAND;
  };
}

mkdirSync(OUT, { recursive: true });
for (const size of [192, 512]) writeFileSync(`${OUT}icon-${size}.png`, png(size, shield(1)));
writeFileSync(`${OUT}maskable-512.png`, png(512, shield(0.78)));
writeFileSync(`${OUT}apple-touch-icon.png`, png(180, shield(0.9)));
console.log(`icons written to ${OUT}`);
