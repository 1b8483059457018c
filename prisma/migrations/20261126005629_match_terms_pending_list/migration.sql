-- Each candidate search scans the GIN index's pending list of recent inserts whole: bounded at 64 kB (instead of
-- work_mem's 4 MB) it costs a fraction of a millisecond, and inserts flush it in small batches.
ALTER INDEX "ChildReport_blockTerms_idx" SET (gin_pending_list_limit = 64);
