import { describe, expect, it } from '@jest/globals';
import { fileMissingReportBody, PHOTO_BASE64_MAX } from '@raksha/contracts';
import { JSON_BODY_MAX_BYTES, JSON_DEPTH_MAX, jsonDepth, utf8Text, verifyJsonBody } from './request-body.js';

const verify = (text: string | Buffer) => () => verifyJsonBody(undefined as never, undefined as never, Buffer.isBuffer(text) ? text : Buffer.from(text));
/** `n` characters of Devanagari, each written as a \uXXXX escape: six bytes a character, the longest JSON writes. */
const longest = (n: number) => 'अ'.repeat(n);
const escaped = (value: unknown) => JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

describe('request body bounds', () => {
  it('takes the largest report the schema allows: the largest photo and every field at its longest', () => {
    const report = {
      child: {
        name: longest(200),
        aliases: Array.from({ length: 10 }, () => longest(200)),
        guardians: Array.from({ length: 6 }, () => ({ relation: 'GUARDIAN', name: longest(200) })),
        gender: 'UNKNOWN',
        ageYears: { min: 0, max: 25 },
        dateOfBirth: '2015-01-01',
        heightCm: { min: 30, max: 220 },
        complexion: 'WHEATISH',
        identifyingMarks: longest(1000),
        languages: Array.from({ length: 10 }, () => longest(60)),
        clothing: longest(1000),
      },
      lastSeenAt: '2026-03-01T10:00:00.000+05:30',
      place: { districtCode: 'RJ-JAIPUR', thanaCode: longest(60), text: longest(500), lat: 26.9, lon: 75.8 },
      policeRef: longest(100),
      reporter: { name: longest(200), phone: '+9198765432101', email: `${'a'.repeat(60)}@example.org` },
      photo: { contentType: 'image/jpeg', base64: 'A'.repeat(PHOTO_BASE64_MAX) },
    };
    expect(fileMissingReportBody.safeParse(report).success).toBe(true); // it is legitimate…
    const bytes = Buffer.from(escaped(report));
    expect(bytes.length).toBeLessThan(JSON_BODY_MAX_BYTES); // …and it goes through
    expect(verify(bytes)).not.toThrow();
  });

  it('refuses nesting deeper than the schemas use, without parsing it', () => {
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    expect(jsonDepth(Buffer.from(deep(JSON_DEPTH_MAX)))).toBe(JSON_DEPTH_MAX);
    expect(verify(`{"payload":{"a":${deep(JSON_DEPTH_MAX - 2)}}}`)).not.toThrow();
    expect(verify(`{"payload":{"a":${deep(JSON_DEPTH_MAX)}}}`)).toThrow(expect.objectContaining({ type: 'entity.too.deep', status: 400 }));
    expect(verify(`{"payload":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`)).toThrow(expect.objectContaining({ type: 'entity.too.deep' }));
  });

  it('counts no brackets inside strings, escaped quotes included', () => {
    expect(jsonDepth(Buffer.from(JSON.stringify({ note: `\\" ${'[{'.repeat(50)} "` })))).toBe(1);
  });

  it('refuses bytes that are not UTF-8, and takes every script that is', () => {
    expect(utf8Text(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]))).toBeUndefined();
    expect(utf8Text(Buffer.from([0xc3, 0x28]))).toBeUndefined(); // a truncated two-byte sequence
    expect(verify(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]))).toThrow(expect.objectContaining({ type: 'entity.invalid.utf8' })); // a lone surrogate
    expect(verify(JSON.stringify({ name: 'आशा অশা ஆஷா Asha 😊' }))).not.toThrow();
  });

  it('refuses a NUL character in any text of a body, which PostgreSQL cannot store (it answered 500; found by test/fuzz)', () => {
    expect(verify(JSON.stringify({ entry: { details: { medium: 'Hin\u0000di' } } }))).toThrow(expect.objectContaining({ type: 'entity.nul' }));
    expect(verify('{"a":"\\\\\\u0000"}')).toThrow(expect.objectContaining({ type: 'entity.nul' })); // \\ then \u0000
    expect(verify(JSON.stringify({ path: 'C:\\u0000' }))).not.toThrow(); // a backslash, then the letters u0000
  });
});
