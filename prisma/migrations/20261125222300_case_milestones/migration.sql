-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "closedAt" TIMESTAMPTZ(3),
ADD COLUMN     "producedAt" TIMESTAMPTZ(3),
ADD COLUMN     "productionLate" BOOLEAN,
ADD COLUMN     "restoredAt" TIMESTAMPTZ(3),
ADD COLUMN     "sirLate" BOOLEAN,
ADD COLUMN     "sirSubmittedAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "Case_stateCode_registeredAt_idx" ON "Case"("stateCode", "registeredAt");

-- CreateIndex
CREATE INDEX "Case_stateCode_producedAt_idx" ON "Case"("stateCode", "producedAt");

