-- CreateIndex
CREATE INDEX "Escalation_stateCode_dueAt_idx" ON "Escalation"("stateCode", "dueAt");

