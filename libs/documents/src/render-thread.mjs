// The order's PDF, laid out off the main thread: pdfkit and fontkit shaping take a second or more of CPU, which would
// otherwise stall the process's event loop (API requests, workflow tasks). Plain JavaScript, so a worker thread
// loads it as it is, under Node and Jest alike. render.ts sends an OrderSheet and gets the PDF's bytes back.
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';
import PDFDocument from 'pdfkit';

// Noto Sans Devanagari, shipped inside an npm package: it has the Latin letters too, so one face serves both
// languages and a Devanagari name in an English order. fontkit shapes it (conjuncts, reph, vowel signs).
const require = createRequire(import.meta.url);
const FONT = {
  regular: readFileSync(require.resolve('@expo-google-fonts/noto-sans-devanagari/400Regular/NotoSansDevanagari_400Regular.ttf')),
  bold: readFileSync(require.resolve('@expo-google-fonts/noto-sans-devanagari/700Bold/NotoSansDevanagari_700Bold.ttf')),
};

/** @param {import('./render.js').OrderSheet} sheet @returns {Promise<Buffer>} */
function render(sheet) {
  const madeAt = new Date(sheet.madeAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 64, right: 64 },
    lang: sheet.language === 'en' ? 'en-IN' : 'hi-IN',
    info: { Title: sheet.title, Subject: sheet.citationLine, Creator: 'Raksha', Producer: 'Raksha', CreationDate: madeAt, ModDate: madeAt },
  });
  doc.registerFont('regular', FONT.regular);
  doc.registerFont('bold', FONT.bold);
  const chunks = [];
  doc.on('data', (c) => chunks.push(c));
  const done = new Promise((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('regular').fontSize(9).fillColor('#444').text(sheet.formLine, { align: 'right' });
  doc.text(sheet.actLine, { align: 'right' });
  doc.text(sheet.citationLine, { align: 'right' });
  doc.moveDown(1.2);
  doc.font('bold').fontSize(15).fillColor('#000').text(sheet.title, { align: 'center' });
  doc.moveDown(0.3);
  doc.font('regular').fontSize(11).text(sheet.before, { align: 'center' });
  doc.moveDown(1);
  for (const p of sheet.particulars) doc.font('bold').fontSize(11).text(`${p.label}: `, { continued: true }).font('regular').text(p.value);
  doc.moveDown(1);
  for (const paragraph of sheet.paragraphs) {
    doc.font('regular').fontSize(11).text(paragraph, { align: 'justify', lineGap: 2 });
    doc.moveDown(0.6);
  }
  doc.moveDown(1.5);
  doc.font('bold').fontSize(11).text(`${sheet.signedLabel}:`);
  for (const signer of sheet.signers) {
    doc.moveDown(1.2);
    doc.font('regular').fontSize(11).text('______________________________');
    doc.text(signer);
  }
  doc.moveDown(2);
  doc.font('regular').fontSize(8).fillColor('#444').text(sheet.footer, { align: 'left' });
  doc.end();
  return done;
}

parentPort?.on('message', async ({ id, sheet }) => {
  try {
    parentPort.postMessage({ id, pdf: await render(sheet) });
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
