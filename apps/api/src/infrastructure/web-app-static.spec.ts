import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import express from 'express';
import request from 'supertest';
import { webAppStatic } from './web-app-static.js';

describe(webAppStatic.name, () => {
  let dist: string;
  let sut: ReturnType<typeof request>;
  const chunk = `export const page = ${JSON.stringify('x'.repeat(4000))};`;

  beforeAll(() => {
    // a build as apps/web/vite.config.ts leaves it: hashed chunks with their brotli and gzip twins
    dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Raksha</title>');
    writeFileSync(join(dist, 'sw.js'), 'self.skipWaiting();');
    writeFileSync(join(dist, 'assets/Queue-abc123.js'), chunk);
    writeFileSync(join(dist, 'assets/Queue-abc123.js.br'), brotliCompressSync(chunk));
    writeFileSync(join(dist, 'assets/Queue-abc123.js.gz'), gzipSync(chunk));
    sut = request(express().use('/app', webAppStatic(dist)));
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('sends a phone the brotli form of a chunk, cached for a year, and the gzip form to a browser without brotli', async () => {
    // the client decodes as a browser does
    const br = await sut.get('/app/assets/Queue-abc123.js').set('Accept-Encoding', 'gzip, deflate, br').expect(200);
    expect(br.headers).toMatchObject({ 'content-encoding': 'br', 'cache-control': 'public, max-age=31536000, immutable', vary: 'Accept-Encoding' });
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.text).toBe(chunk);

    const gz = await sut.get('/app/assets/Queue-abc123.js').set('Accept-Encoding', 'gzip').expect(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.text).toBe(chunk);
    const plain = await sut.get('/app/assets/Queue-abc123.js').set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('asks for the page and the service worker again each time, so a new version reaches phones', async () => {
    for (const path of ['/app/', '/app/queue', '/app/cases/7f1c2d5e-0000-4000-8000-000000000001']) {
      const page = await sut.get(path).expect(200).expect('cache-control', 'no-cache');
      expect(page.text).toContain('<title>Raksha</title>');
    }
    await sut.get('/app/sw.js').expect(200).expect('cache-control', 'no-cache');
    await sut.get('/app').expect(301).expect('location', '/app/');
  });

  it('answers a chunk of another version with not found rather than the page, and never a file outside the build', async () => {
    await sut.get('/app/assets/Queue-old999.js').expect(404);
    const outside = await sut.get('/app/..%2f..%2fetc%2fpasswd').expect(200);
    expect(outside.text).toContain('<title>Raksha</title>');
  });
});
