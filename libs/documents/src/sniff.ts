// What an uploaded file is, by its bytes: its name and the type its sender declares are not trusted.
import type { UPLOAD_TYPES } from '@raksha/contracts';

export type UploadType = (typeof UPLOAD_TYPES)[number];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_IEND = [0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

/** PDF features that run or carry something on opening: a report has no need of them. */
const PDF_ACTIVE = ['/JavaScript', '/JS', '/Launch', '/EmbeddedFile', '/RichMedia', '/XFA'];

export type Sniffed = { ok: true; type: UploadType } | { ok: false; reason: string };

/**
 * The file's type by its magic bytes, then a look at whether it is whole and inert: a PDF ends with %%EOF and has
 * no scripts, launch actions or embedded files (in its uncompressed text); a PNG ends with its IEND chunk; a JPEG with its
 * end-of-image marker. Not a virus scanner: it refuses what is not plainly a document or a photograph.
 */
export function sniffUpload(bytes: Uint8Array): Sniffed {
  if (bytes.length < 16) return { ok: false, reason: 'the file is empty or too short to be a PDF, JPEG or PNG' };
  if (startsWith(bytes, PDF)) {
    const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
    if (!tail.includes('%%EOF')) return { ok: false, reason: 'the PDF is cut short (it does not end with %%EOF)' };
    const text = Buffer.from(bytes).toString('latin1');
    const active = PDF_ACTIVE.find((name) => new RegExp(`${name.replace('/', '\\/')}(?![A-Za-z])`).test(text));
    if (active) return { ok: false, reason: `the PDF carries active content (${active.slice(1)}); save it again as a plain PDF` };
    return { ok: true, type: 'application/pdf' };
  }
  if (startsWith(bytes, PNG)) {
    if (!startsWith(bytes.subarray(bytes.length - 8), PNG_IEND)) return { ok: false, reason: 'the PNG is cut short or has something appended after its end' };
    return { ok: true, type: 'image/png' };
  }
  if (startsWith(bytes, JPEG)) {
    // Some cameras pad after the end-of-image marker: look for it in the last bytes.
    const tail = bytes.subarray(Math.max(0, bytes.length - 64));
    const ends = tail.some((b, i) => b === 0xff && tail[i + 1] === 0xd9);
    if (!ends) return { ok: false, reason: 'the JPEG is cut short (no end-of-image marker)' };
    return { ok: true, type: 'image/jpeg' };
  }
  if (startsWith(bytes, [0x4d, 0x5a])) return { ok: false, reason: 'the file is a Windows program, not a PDF, JPEG or PNG' };
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return { ok: false, reason: 'the file is a program, not a PDF, JPEG or PNG' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { ok: false, reason: 'the file is a ZIP archive (or an Office document), not a PDF, JPEG or PNG' };
  return { ok: false, reason: 'the file is not a PDF, JPEG or PNG' };
}
