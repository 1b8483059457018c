// Child reports as the API stores them (keys from libs/matching storedKeys), written straight into a test database.
import { randomUUID } from 'node:crypto';
import { DataKeyRing, TEST_DATA_KEY } from '@raksha/config';
import { Sealer, type Db, type NewChildReport } from '@raksha/db';
import { childReportOf, storedKeys, type ChildDescription } from '@raksha/matching';

/** An open (or pending) report of a child, filed by a station officer, in a district given as [state, district]. */
export function childReport(
  kind: 'MISSING' | 'FOUND',
  child: Omit<ChildDescription, 'id' | 'place'>,
  on: string,
  [stateCode, districtCode]: [string, string],
  status: NewChildReport['status'] = 'OPEN',
): NewChildReport {
  const id = randomUUID();
  const keys = storedKeys(childReportOf({ id, kind, description: child, occurredAt: on, place: { stateCode, districtCode } }));
  return {
    id, kind, status, policeRef: null, stationId: null, filedBy: randomUUID(), filedByRole: 'STATION_OFFICER', filedByBodyId: null, reporterContact: null,
    description: child as Record<string, unknown>, occurredAt: new Date(on), stateCode, districtCode, thanaCode: null, blockCode: null, villageCode: null, placeText: null, lat: null, lon: null,
    photo: null, photoType: null, caseId: null, ...keys, createdAt: new Date(),
  };
}

/** Writes reports in one statement (the key-counting trigger runs as for the API's inserts); returns them. */
export async function storeChildReports(db: Db, rows: NewChildReport[]): Promise<NewChildReport[]> {
  await db.childReport.createMany({ data: rows.map((r) => ({ ...r, photo: null, description: r.description as never, reporterContact: undefined })) });
  return rows;
}

/** A sealer with the tests' data key (TEST_DATA_KEY), for repositories that seal what they store. */
export function testSealer(): Sealer {
  return new Sealer(new DataKeyRing(Buffer.from(TEST_DATA_KEY, 'base64')));
}
