-- DropIndex
DROP INDEX "Case_stateCode_registeredAt_idx";

-- DropIndex
DROP INDEX "Case_stateCode_producedAt_idx";

-- DropIndex
DROP INDEX "Case_stateCode_phase_idx";

-- DropIndex
DROP INDEX "Case_stateCode_sirSubmittedAt_idx";

-- DropIndex
DROP INDEX "Case_stateCode_restoredAt_idx";

-- CreateIndex
CREATE INDEX "Case_dashboard_registered_idx" ON "Case"("stateCode", "registeredAt", "districtCode", "track", "phase");

-- CreateIndex
CREATE INDEX "Case_dashboard_produced_idx" ON "Case"("stateCode", "producedAt", "districtCode", "productionLate");

-- CreateIndex
CREATE INDEX "Case_dashboard_phase_idx" ON "Case"("stateCode", "phase", "districtCode", "track", "producedAt", "nextDueAt");

-- CreateIndex
CREATE INDEX "Case_dashboard_sir_idx" ON "Case"("stateCode", "sirSubmittedAt", "districtCode", "sirLate");

-- CreateIndex
CREATE INDEX "Case_dashboard_restored_idx" ON "Case"("stateCode", "restoredAt", "districtCode");

-- CreateIndex
CREATE INDEX "Escalation_stateCode_raisedAt_idx" ON "Escalation"("stateCode", "raisedAt");

