-- The one writer of the hash-chained audit trail: appends `au` to its chain after the chain's tail, hashing it there,
-- because only the statement that appends knows the tail's position and hash. The caller holds the chain's advisory
-- lock (or writes a chain's first entry, which the unique (chain, position) guards). `au` carries the entry's
-- canonical JSON split around "position" and "prevHash" (auditPreimage in libs/db/src/audit-chain.ts): the hash is
-- SHA-256 of before || position || ',"prevHash":"' || prevHash || '"' || after, which auditHash() there verifies.
CREATE OR REPLACE FUNCTION raksha_append_audit_entry(au jsonb) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  tail_position integer;
  tail_hash text;
BEGIN
  SELECT "position", "hash" INTO tail_position, tail_hash
  FROM "AuditEntry" WHERE "chain" = au->>'chain' ORDER BY "position" DESC LIMIT 1;
  tail_position := coalesce(tail_position, 0) + 1;
  tail_hash := coalesce(tail_hash, repeat('0', 64));
  INSERT INTO "AuditEntry" ("chain", "position", "action", "actorId", "actorRole", "subjectType", "subjectId",
                            "detail", "at", "prevHash", "hash")
  VALUES (au->>'chain', tail_position, au->>'action', au->>'actorId', au->>'actorRole', au->>'subjectType', au->>'subjectId',
          au->'detail', (au->>'at')::timestamptz, tail_hash,
          encode(sha256(convert_to((au->>'before') || tail_position::text || ',"prevHash":"' || tail_hash || '"' || (au->>'after'), 'UTF8')), 'hex'));
END;
$$;
