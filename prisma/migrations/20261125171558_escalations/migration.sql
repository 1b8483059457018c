-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "nextDueAt" TIMESTAMPTZ(3),
ADD COLUMN     "openDeadlines" JSONB NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "Escalation" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "deadlineId" TEXT NOT NULL,
    "obligation" TEXT NOT NULL,
    "citation" TEXT NOT NULL,
    "rung" INTEGER NOT NULL,
    "toBody" TEXT NOT NULL,
    "districtCode" TEXT NOT NULL,
    "stateCode" TEXT NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "raisedAt" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "acknowledgedAt" TIMESTAMPTZ(3),
    "acknowledgedBy" TEXT,
    "resolvedAt" TIMESTAMPTZ(3),
    "resolvedBy" TEXT,
    "resolutionNote" TEXT,
    "metAt" TIMESTAMPTZ(3),

    CONSTRAINT "Escalation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Escalation_toBody_districtCode_status_idx" ON "Escalation"("toBody", "districtCode", "status");

-- CreateIndex
CREATE INDEX "Escalation_toBody_stateCode_status_idx" ON "Escalation"("toBody", "stateCode", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Escalation_caseId_deadlineId_dueAt_rung_key" ON "Escalation"("caseId", "deadlineId", "dueAt", "rung");

-- CreateIndex
CREATE INDEX "Case_nextDueAt_idx" ON "Case"("nextDueAt");

-- AddForeignKey
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

