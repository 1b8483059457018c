-- AlterTable
ALTER TABLE "State" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'STATE',
ADD COLUMN     "lgdCode" INTEGER;

-- AlterTable
ALTER TABLE "District" ADD COLUMN     "lgdCode" INTEGER;

-- AlterTable
ALTER TABLE "Body" ADD COLUMN     "address" TEXT,
ADD COLUMN     "phone" TEXT,
ADD COLUMN     "sittingDays" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "BodyMember" (
    "id" UUID NOT NULL,
    "bodyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "designation" TEXT NOT NULL,
    "termFrom" DATE NOT NULL,
    "termTo" DATE,

    CONSTRAINT "BodyMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Institution" (
    "bodyId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "management" TEXT NOT NULL,
    "registrationNo" TEXT,
    "registeredFrom" DATE,
    "registeredUntil" DATE,
    "infrastructure" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "Institution_pkey" PRIMARY KEY ("bodyId")
);

-- CreateTable
CREATE TABLE "InstitutionCapacity" (
    "institutionId" TEXT NOT NULL,
    "gender" TEXT NOT NULL,
    "ageBand" TEXT NOT NULL,
    "sanctioned" INTEGER NOT NULL,

    CONSTRAINT "InstitutionCapacity_pkey" PRIMARY KEY ("institutionId","gender","ageBand")
);

-- CreateTable
CREATE TABLE "Admission" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "institutionId" TEXT NOT NULL,
    "orderRef" TEXT NOT NULL,
    "gender" TEXT NOT NULL,
    "ageBand" TEXT NOT NULL,
    "admittedAt" TIMESTAMPTZ(3) NOT NULL,
    "admittedBy" TEXT NOT NULL,
    "overCapacityReason" TEXT,
    "endedAt" TIMESTAMPTZ(3),
    "endReason" TEXT,
    "endNote" TEXT,
    "endedBy" TEXT,
    "transferredToId" UUID,

    CONSTRAINT "Admission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EFileEntry" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "section" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "occurredOn" DATE NOT NULL,
    "details" JSONB,
    "sealed" TEXT,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "recordedRole" TEXT NOT NULL,

    CONSTRAINT "EFileEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BodyMember_bodyId_idx" ON "BodyMember"("bodyId");

-- CreateIndex
CREATE INDEX "Institution_registeredUntil_idx" ON "Institution"("registeredUntil");

-- CreateIndex
CREATE INDEX "Admission_institutionId_endedAt_idx" ON "Admission"("institutionId", "endedAt");

-- CreateIndex
CREATE INDEX "Admission_caseId_endedAt_idx" ON "Admission"("caseId", "endedAt");

-- CreateIndex
CREATE INDEX "EFileEntry_caseId_section_occurredOn_idx" ON "EFileEntry"("caseId", "section", "occurredOn");

-- CreateIndex
CREATE UNIQUE INDEX "State_lgdCode_key" ON "State"("lgdCode");

-- CreateIndex
CREATE UNIQUE INDEX "District_lgdCode_key" ON "District"("lgdCode");

-- AddForeignKey
ALTER TABLE "BodyMember" ADD CONSTRAINT "BodyMember_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Institution" ADD CONSTRAINT "Institution_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstitutionCapacity" ADD CONSTRAINT "InstitutionCapacity_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("bodyId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Admission" ADD CONSTRAINT "Admission_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Admission" ADD CONSTRAINT "Admission_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("bodyId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EFileEntry" ADD CONSTRAINT "EFileEntry_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

