-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "mergedIntoId" UUID;

-- AlterTable
ALTER TABLE "ChildReport" ADD COLUMN     "legacyRecordId" TEXT,
ADD COLUMN     "legacySource" TEXT,
ADD COLUMN     "mergedIntoId" UUID;

-- CreateTable
CREATE TABLE "LegacyImport" (
    "id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "imported" INTEGER NOT NULL DEFAULT 0,
    "alreadyImported" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "matchQueued" INTEGER NOT NULL DEFAULT 0,
    "importedBy" UUID NOT NULL,
    "importedByRole" TEXT NOT NULL,
    "importedByBody" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    "failure" TEXT,

    CONSTRAINT "LegacyImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LegacyImportRow" (
    "importId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,
    "sourceRecordId" TEXT,
    "record" JSONB NOT NULL,
    "outcome" TEXT NOT NULL DEFAULT 'PENDING',
    "problems" JSONB,
    "reportId" UUID,

    CONSTRAINT "LegacyImportRow_pkey" PRIMARY KEY ("importId","position")
);

-- CreateTable
CREATE TABLE "DuplicateSuspect" (
    "id" UUID NOT NULL,
    "recordType" TEXT NOT NULL,
    "recordId" UUID NOT NULL,
    "duplicateOfId" UUID NOT NULL,
    "probability" DOUBLE PRECISION NOT NULL,
    "explanation" JSONB NOT NULL,
    "stateCode" TEXT NOT NULL,
    "districtCode" TEXT NOT NULL,
    "detectedOn" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "survivorId" UUID,
    "decidedBy" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionNote" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DuplicateSuspect_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DuplicateSuspect_recordType_status_stateCode_districtCode_idx" ON "DuplicateSuspect"("recordType", "status", "stateCode", "districtCode");

-- CreateIndex
CREATE INDEX "DuplicateSuspect_duplicateOfId_idx" ON "DuplicateSuspect"("duplicateOfId");

-- CreateIndex
CREATE UNIQUE INDEX "DuplicateSuspect_recordType_recordId_duplicateOfId_key" ON "DuplicateSuspect"("recordType", "recordId", "duplicateOfId");

-- CreateIndex
CREATE UNIQUE INDEX "ChildReport_legacySource_legacyRecordId_key" ON "ChildReport"("legacySource", "legacyRecordId");

-- AddForeignKey
ALTER TABLE "LegacyImportRow" ADD CONSTRAINT "LegacyImportRow_importId_fkey" FOREIGN KEY ("importId") REFERENCES "LegacyImport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

