-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "destroyedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "RecordsDestruction" (
    "caseId" UUID NOT NULL,
    "ground" TEXT,
    "orderAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "dueAt" TIMESTAMPTZ(3),
    "holdOrderRef" TEXT,
    "holdReason" TEXT,
    "heldAt" TIMESTAMPTZ(3),
    "heldBy" UUID,
    "destroyedAt" TIMESTAMPTZ(3),
    "historyDeletedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RecordsDestruction_pkey" PRIMARY KEY ("caseId")
);

-- CreateIndex
CREATE INDEX "RecordsDestruction_dueAt_idx" ON "RecordsDestruction"("dueAt");

