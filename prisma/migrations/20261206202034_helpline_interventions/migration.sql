-- DropIndex
DROP INDEX "Escalation_bodyId_deadlineId_dueAt_rung_key";

-- CreateTable
CREATE TABLE "Intervention" (
    "id" UUID NOT NULL,
    "helpline" TEXT NOT NULL,
    "stateCode" TEXT NOT NULL,
    "districtCode" TEXT NOT NULL,
    "thanaCode" TEXT,
    "lat" DOUBLE PRECISION,
    "lon" DOUBLE PRECISION,
    "placeText" TEXT,
    "ownerBodyId" TEXT NOT NULL,
    "childDescription" TEXT NOT NULL,
    "childGender" TEXT,
    "distress" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "firstCalledAt" TIMESTAMPTZ(3) NOT NULL,
    "respondBy" TIMESTAMPTZ(3) NOT NULL,
    "reachedAt" TIMESTAMPTZ(3),
    "rescuedAt" TIMESTAMPTZ(3),
    "caseId" UUID,
    "closedAt" TIMESTAMPTZ(3),
    "closeReason" TEXT,
    "closeNote" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Intervention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HelplineCall" (
    "helpline" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "interventionId" UUID NOT NULL,
    "calledAt" TIMESTAMPTZ(3) NOT NULL,
    "callerRelation" TEXT NOT NULL,
    "childDescription" TEXT NOT NULL,
    "distress" TEXT NOT NULL,
    "thanaCode" TEXT,
    "lat" DOUBLE PRECISION,
    "lon" DOUBLE PRECISION,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HelplineCall_pkey" PRIMARY KEY ("helpline","callId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Intervention_caseId_key" ON "Intervention"("caseId");

-- CreateIndex
CREATE INDEX "Intervention_districtCode_status_firstCalledAt_idx" ON "Intervention"("districtCode", "status", "firstCalledAt");

-- CreateIndex
CREATE INDEX "Intervention_stateCode_status_idx" ON "Intervention"("stateCode", "status");

-- CreateIndex
CREATE INDEX "HelplineCall_interventionId_idx" ON "HelplineCall"("interventionId");

-- CreateIndex
CREATE UNIQUE INDEX "Escalation_watchId_deadlineId_dueAt_rung_key" ON "Escalation"("watchId", "deadlineId", "dueAt", "rung");

-- AddForeignKey
ALTER TABLE "HelplineCall" ADD CONSTRAINT "HelplineCall_interventionId_fkey" FOREIGN KEY ("interventionId") REFERENCES "Intervention"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

