// `npm run documents:verify [-- <case id>…]`: recomputes the SHA-256 of each case document's stored file and compares it
// with the hash its audit chain recorded; exits 1 and names each document altered, missing or off the chain.
import { loadConfig, requireDataKeys } from '@raksha/config';
import { createDb, DocumentRepository, Sealer } from '@raksha/db';
import { DocumentStore, DocumentVault } from '@raksha/documents';

const config = loadConfig();
const db = createDb(config.databaseUrl);
try {
  const vault = new DocumentVault(new DocumentRepository(db, new Sealer(requireDataKeys(config))), new DocumentStore(config.documents.dir), new Sealer(requireDataKeys(config)));
  const given = process.argv.slice(2);
  const caseIds = given.length ? given : (await db.caseDocument.findMany({ distinct: ['caseId'], select: { caseId: true } })).map((c) => c.caseId);
  let documents = 0;
  let failed = 0;
  for (const caseId of caseIds) {
    for (const v of await vault.verifyCase(caseId)) {
      documents++;
      if (v.verified) continue;
      failed++;
      console.error(`NOT VERIFIED case ${caseId} document ${v.documentId}: ${v.problems.join('; ')}`);
    }
  }
  console.log(`${documents} document(s) of ${caseIds.length} case(s) verified, ${failed} not`);
  process.exitCode = failed ? 1 : 0;
} finally {
  await db.$disconnect();
}
