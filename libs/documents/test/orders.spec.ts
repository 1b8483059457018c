import { afterAll, describe, expect, it } from '@jest/globals';
import { extractText, getDocumentProxy } from 'unpdf';
import { ORDER_EVENT_TYPES } from '@raksha/contracts';
import type { OrderStep } from '@raksha/db';
import { ORDER_TEMPLATES, dateInWords } from '../src/orders.js';
import { renderOrderPdf, stopRenderer } from '../src/render.js';
import { orderSheet } from '../src/vault.js';

const step = (eventType: string, payload: Record<string, unknown>, role = 'CWC_MEMBER'): OrderStep => ({
  caseId: '00000000-0000-4000-8000-000000000001',
  caseNumber: 'RJ/JAIPUR/2026/41',
  childName: 'Lakshmi',
  track: 'CNCP',
  districtName: 'Jaipur',
  stateName: 'Rajasthan',
  sequence: 3,
  eventType,
  payload,
  occurredAt: new Date('2026-12-07T06:30:00Z'),
  importedFrom: null,
  actor: { id: 'u1', name: 'Asha Sharma', role, bodyName: 'CWC Jaipur' },
  signers: [],
});

describe('order documents', () => {
  afterAll(() => stopRenderer());

  it('has a template, with its title in English and Hindi, for every order event', () => {
    for (const type of ORDER_EVENT_TYPES) {
      expect(ORDER_TEMPLATES[type].title.en).toBeTruthy();
      expect(ORDER_TEMPLATES[type].title.hi).toMatch(/[\u0900-\u097f]/);
    }
  });

  it('follows Form 18 for a placement in a home and Form 19 for one with a fit person (Model Rules 2016)', () => {
    expect(ORDER_TEMPLATES.INTERIM_PLACEMENT_ORDERED.form({ placement: 'CHILDRENS_HOME' })).toBe('F.18');
    expect(ORDER_TEMPLATES.INTERIM_PLACEMENT_ORDERED.form({ placement: 'FIT_PERSON' })).toBe('F.19');
    expect(ORDER_TEMPLATES.FINAL_ORDER_PASSED.form({ order: 'FOSTER_CARE' })).toBe('F.32');
  });

  it('names the place the order places the child in, as the registry named it', () => {
    const sheet = orderSheet(step('INTERIM_PLACEMENT_ORDERED', { placement: 'CHILDRENS_HOME', orderRef: 'F18/3', placeName: 'Balika Griha, Jaipur' }), 'en');
    expect(sheet.paragraphs[0]).toContain("a Children's Home (Balika Griha, Jaipur)");
  });

  it('says the date in words in the reader’s language, India time', () => {
    expect(dateInWords(new Date('2026-12-06T20:00:00Z'), 'en')).toBe('7 December 2026');
    expect(dateInWords(new Date('2026-12-06T20:00:00Z'), 'hi')).toBe('7 दिसंबर 2026');
  });

  it('names every member who signs a legally-free declaration (s.38(4)), from the roster, with their seat', () => {
    const declared = { ...step('LEGALLY_FREE_DECLARED', { ground: 'ABANDONED', orderRef: 'LF/1' }), signers: [{ name: 'Meera Joshi', designation: 'CHAIRPERSON' }, { name: 'Sunil Rao', designation: 'MEMBER' }, { name: 'K. Verma', designation: 'SOCIAL_WORKER_MEMBER' }] };
    expect(orderSheet(declared, 'en').signers).toEqual(['Meera Joshi, Chairperson, Child Welfare Committee', 'Sunil Rao, Member, Child Welfare Committee', 'K. Verma, Social Worker Member, Child Welfare Committee']);
    expect(orderSheet(declared, 'hi').signers[0]).toBe('Meera Joshi, अध्यक्ष, बाल कल्याण समिति');
    // A declaration recorded before signers were named says how many signed.
    expect(orderSheet(step('LEGALLY_FREE_DECLARED', { ground: 'ABANDONED', orderRef: 'LF/2', membersSigning: 3 }), 'en').signers).toEqual(['Asha Sharma, Member, Child Welfare Committee', 'Signed by 3 members of the Committee']);
  });

  it('renders a PDF whose text names the child, the case, the form and the signer, in Hindi with its conjuncts', async () => {
    const pdf = await renderOrderPdf(orderSheet(step('INTERIM_PLACEMENT_ORDERED', { placement: 'CHILDRENS_HOME', orderRef: 'F18/9' }), 'hi'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const words = text.replace(/\s+/g, ' ');
    expect(words).toContain('Lakshmi');
    expect(words).toContain('RJ/JAIPUR/2026/41');
    expect(words).toContain('प्रपत्र 18');
    expect(words).toContain('Asha Sharma');
    expect(words).toContain('बाल कल्याण'); // क्ल, ल्या: conjuncts shaped by fontkit, extracted as the same letters
  }, 60_000); // the first render parses the font: seconds on a loaded 2-core machine
});
