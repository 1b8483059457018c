-- CreateIndex
CREATE INDEX "Case_stateCode_sirSubmittedAt_idx" ON "Case"("stateCode", "sirSubmittedAt");

-- CreateIndex
CREATE INDEX "Case_stateCode_restoredAt_idx" ON "Case"("stateCode", "restoredAt");

