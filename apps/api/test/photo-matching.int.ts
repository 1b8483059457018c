// A found child with no name but a photo, matched by face through the API and the real worker, with the face-api
// package's own sample photos: the missing report with the same face ranks first, the descriptor never leaves the server.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { encodeJpeg, type RgbImage } from '@raksha/faces';
import { brighten, portrait, recompress, SAMPLE_FACES } from '@raksha/faces/samples';
import { as } from '@raksha/test-support/auth';
import { eventually, startStack, type Stack } from '@raksha/test-support/stack';

// The worker loads the face models with the first photo, then describes each photo in seconds on a loaded machine.
jest.setTimeout(240_000);

const photo = (image: RgbImage) => ({ contentType: 'image/jpeg', base64: encodeJpeg(image, 85).toString('base64') });
const [girl, otherGirl] = SAMPLE_FACES.filter((f) => f.sample === 1) as [(typeof SAMPLE_FACES)[number], (typeof SAMPLE_FACES)[number]];

interface Candidate {
  missing: { id: string };
  probability: number;
  explanation: { fields: { field: string; level: string | null; reason: string; weight: number }[] };
}

describe('matching by photo', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(await caseWorkflowBundle());
  });
  afterAll(() => stack?.stop());

  it('ranks the missing report with the same face first for a found child with no name, and never returns the descriptor', async () => {
    const police = await as(stack, 'sho.jaipur');
    const child = { gender: 'FEMALE', ageYears: { min: 11, max: 11 } };
    const file = async (name: string, image: RgbImage, policeRef: string) =>
      (
        await stack.http
          .post('/reports/missing')
          .set(police)
          .send({ child: { ...child, name }, lastSeenAt: '2026-09-01T10:00:00+05:30', place: { districtCode: 'RJ-JAIPUR', text: 'Jaipur Junction' }, policeRef, photo: photo(image) })
          .expect(201)
      ).body as { id: string };
    const same = await file('Pooja Meena', portrait(girl), 'MISSING-DIARY 301/2026');
    const other = await file('Kavita Saini', portrait(otherGirl), 'MISSING-DIARY 302/2026');

    // Two months later in Jodhpur, another district: a girl who does not say her name, photographed by the CWC.
    const cwc = await as(stack, 'cwc.jodhpur');
    const { body: found } = await stack.http
      .post('/reports/found')
      .set(cwc)
      .send({
        child: { ...child, ageYears: { min: 10, max: 12 } },
        foundAt: '2026-11-03T09:30:00+05:30',
        place: { districtCode: 'RJ-JODHPUR', text: 'Jodhpur railway station' },
        photo: photo(recompress(brighten(portrait(girl, 0.5, { x: 0.1, y: 0 }), 0.75), 40)),
      })
      .expect(201);

    const page = await eventually(async () => {
      const { body } = await stack.http.get(`/reports/${found.id}/candidates`).set(cwc).query({ minProbability: 0 }).expect(200);
      return (body.items as Candidate[]).length > 0 ? (body as { items: Candidate[] }) : undefined;
    }, 200_000);
    expect(page.items[0]!.missing.id).toBe(same.id);
    const face = page.items[0]!.explanation.fields.find((f) => f.field === 'photo');
    expect(face).toMatchObject({ level: 'alike', reason: 'faces look alike: strong evidence' });
    expect(face!.weight).toBeGreaterThan(4);
    const otherCandidate = page.items.find((c) => c.missing.id === other.id);
    if (otherCandidate) expect(otherCandidate.probability).toBeLessThan(page.items[0]!.probability);

    // The descriptors are stored apart, and no response carries them.
    const stored = await stack.db.faceDescriptor.findMany({ where: { reportId: { in: [same.id, other.id, found.id] } } });
    expect(stored.map((s) => s.status)).toEqual(['DESCRIBED', 'DESCRIBED', 'DESCRIBED']);
    const { body: report } = await stack.http.get(`/reports/${found.id}`).set(cwc).expect(200);
    for (const body of [report, page]) expect(JSON.stringify(body)).not.toMatch(/descriptor/i);
  });
});
