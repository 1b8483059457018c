import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { OrderLanguage } from '@raksha/contracts';

// Noto Sans Devanagari, shipped inside an npm package: it has the Latin letters too, so one face serves both
// languages and a Devanagari name in an English order. fontkit shapes it (conjuncts, reph, vowel signs).
const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | undefined;
/** Read from the package once, on the first order a process renders. */
const FONT = () =>
  (fonts ??= {
    regular: readFileSync(require.resolve('@expo-google-fonts/noto-sans-devanagari/400Regular/NotoSansDevanagari_400Regular.ttf')),
    bold: readFileSync(require.resolve('@expo-google-fonts/noto-sans-devanagari/700Bold/NotoSansDevanagari_700Bold.ttf')),
  });

/** An order's document, as words: what renderOrderPdf lays out on an A4 page. */
export interface OrderSheet {
  language: OrderLanguage;
  /** "Form 18 — Juvenile Justice … Model Rules, 2016", or that no form is prescribed */
  formLine: string;
  actLine: string;
  citationLine: string;
  title: string;
  before: string;
  particulars: { label: string; value: string }[];
  paragraphs: string[];
  signedLabel: string;
  signers: string[];
  footer: string;
  /** the PDF's own metadata dates: the order's, so the same order renders the same */
  madeAt: Date;
}

/** The order as a PDF: one A4 page (more if the reasons are long), in the sheet's language. */
export function renderOrderPdf(sheet: OrderSheet): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 64, right: 64 },
    lang: sheet.language === 'en' ? 'en-IN' : 'hi-IN',
    info: { Title: sheet.title, Subject: sheet.citationLine, Creator: 'Raksha', Producer: 'Raksha', CreationDate: sheet.madeAt, ModDate: sheet.madeAt },
  });
  doc.registerFont('regular', FONT().regular);
  doc.registerFont('bold', FONT().bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
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
  for (const p of sheet.particulars) {
    doc.font('bold').fontSize(11).text(`${p.label}: `, { continued: true }).font('regular').text(p.value);
  }
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
