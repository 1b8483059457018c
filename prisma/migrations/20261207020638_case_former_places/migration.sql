-- CreateTable
CREATE TABLE "CaseFormerPlace" (
    "caseId" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "stateCode" TEXT NOT NULL,
    "districtCode" TEXT NOT NULL,
    "movedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CaseFormerPlace_pkey" PRIMARY KEY ("caseId","sequence")
);

-- AddForeignKey
ALTER TABLE "CaseFormerPlace" ADD CONSTRAINT "CaseFormerPlace_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

