-- AlterTable
ALTER TABLE "Escalation" ADD COLUMN     "bodyId" TEXT,
ALTER COLUMN "caseId" DROP NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Escalation_bodyId_deadlineId_dueAt_rung_key" ON "Escalation"("bodyId", "deadlineId", "dueAt", "rung");

-- AddForeignKey
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

