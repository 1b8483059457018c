import { describe, expect, it } from '@jest/globals';
import { sniffUpload } from '../src/sniff.js';

const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d8a5a90000000049454e44ae426082', 'hex');
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(40, 0x11), Buffer.from([0xff, 0xd9])]);
const pdf = (body: string) => Buffer.from(`%PDF-1.7\n${body}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');

describe(sniffUpload.name, () => {
  it('knows a PDF, a PNG and a JPEG by their first bytes, whatever they are called', () => {
    expect(sniffUpload(pdf(''))).toEqual({ ok: true, type: 'application/pdf' });
    expect(sniffUpload(png)).toEqual({ ok: true, type: 'image/png' });
    expect(sniffUpload(jpeg)).toEqual({ ok: true, type: 'image/jpeg' });
  });

  it('refuses a Windows program, a ZIP and plain text, saying what the file is', () => {
    expect(sniffUpload(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]))).toEqual({ ok: false, reason: expect.stringContaining('Windows program') });
    expect(sniffUpload(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]))).toEqual({ ok: false, reason: expect.stringContaining('ZIP') });
    expect(sniffUpload(Buffer.from('this is the social investigation report, typed'))).toMatchObject({ ok: false });
  });

  it('refuses a PDF that runs a script or launches a program on opening, and one cut short', () => {
    expect(sniffUpload(pdf('2 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj'))).toEqual({ ok: false, reason: expect.stringContaining('JavaScript') });
    expect(sniffUpload(pdf('2 0 obj << /S /Launch /F (cmd.exe) >> endobj'))).toEqual({ ok: false, reason: expect.stringContaining('Launch') });
    expect(sniffUpload(pdf('').subarray(0, 40))).toEqual({ ok: false, reason: expect.stringContaining('cut short') });
  });

  it('refuses a PNG with something appended after its end, and a JPEG without its end', () => {
    expect(sniffUpload(Buffer.concat([png, Buffer.from('MZ payload')]))).toMatchObject({ ok: false });
    expect(sniffUpload(jpeg.subarray(0, 30))).toMatchObject({ ok: false });
  });
});
