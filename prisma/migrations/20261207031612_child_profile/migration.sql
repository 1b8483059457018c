-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "guardianKeys" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "nameKeys" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "profileVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ChildProfileVersion" (
    "caseId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "sealed" TEXT NOT NULL,
    "changedFields" TEXT[],
    "reason" TEXT,
    "changedBy" TEXT NOT NULL,
    "changedRole" TEXT NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ChildProfileVersion_pkey" PRIMARY KEY ("caseId","version")
);

-- CreateIndex
CREATE INDEX "Case_nameKeys_idx" ON "Case" USING GIN ("nameKeys");

-- CreateIndex
CREATE INDEX "Case_guardianKeys_idx" ON "Case" USING GIN ("guardianKeys");

-- AddForeignKey
ALTER TABLE "ChildProfileVersion" ADD CONSTRAINT "ChildProfileVersion_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

