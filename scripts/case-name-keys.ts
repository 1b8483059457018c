// `npm run cases:name-keys`: gives the cases registered before the name search (#20) the keys of their child's name,
// so that a search by name in any script finds them as it finds new ones. Idempotent; `npm start` runs it.
import { loadConfig, requireDataKeys } from '@raksha/config';
import { CaseRepository, createDb, Sealer } from '@raksha/db';
import { nameSearchKeys } from '@raksha/matching';

const config = loadConfig();
const db = createDb(config.databaseUrl);
const cases = new CaseRepository(db, new Sealer(requireDataKeys(config)));
let keyed = 0;
try {
  for (let after: string | null = null, page; (page = await cases.unkeyedNames(after, 500)).length; after = page[page.length - 1]!.id) {
    for (const c of page) {
      const keys = nameSearchKeys([c.childName!]);
      // a name with no key (only a title, "unknown") stays without; the next run passes it again, cheaply
      if (keys.length) await cases.setNameKeys(c.id, keys);
      keyed += keys.length ? 1 : 0;
    }
  }
  console.log(`cases:name-keys: ${keyed} case(s) given name keys`);
} finally {
  await db.$disconnect();
}
