-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateTable
CREATE TABLE "ChildReport" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "closedReason" TEXT,
    "policeRef" TEXT,
    "stationId" TEXT,
    "filedBy" UUID NOT NULL,
    "filedByRole" TEXT NOT NULL,
    "filedByBodyId" TEXT,
    "reporterContact" JSONB,
    "description" JSONB NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "stateCode" TEXT NOT NULL,
    "districtCode" TEXT NOT NULL,
    "thanaCode" TEXT,
    "placeText" TEXT,
    "lat" DOUBLE PRECISION,
    "lon" DOUBLE PRECISION,
    "photo" BYTEA,
    "photoType" TEXT,
    "caseId" UUID,
    "searchName" TEXT NOT NULL,
    "nameKeys" TEXT[],
    "nameSkeletons" TEXT[],
    "guardianKeys" TEXT[],
    "gender" TEXT NOT NULL,
    "birthYearMin" INTEGER,
    "birthYearMax" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3),
    "tracedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ChildReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MatchCandidate" (
    "id" UUID NOT NULL,
    "missingId" UUID NOT NULL,
    "foundId" UUID NOT NULL,
    "probability" DOUBLE PRECISION NOT NULL,
    "explanation" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "alertedAt" TIMESTAMPTZ(3),
    "decidedBy" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionNote" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MatchCandidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactVerification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "channel" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "verifiedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ContactVerification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChildReport_kind_status_gender_occurredAt_idx" ON "ChildReport"("kind", "status", "gender", "occurredAt");

-- CreateIndex
CREATE INDEX "ChildReport_stateCode_districtCode_kind_status_idx" ON "ChildReport"("stateCode", "districtCode", "kind", "status");

-- CreateIndex
CREATE INDEX "ChildReport_filedBy_idx" ON "ChildReport"("filedBy");

-- CreateIndex
CREATE INDEX "ChildReport_nameKeys_idx" ON "ChildReport" USING GIN ("nameKeys");

-- CreateIndex
CREATE INDEX "ChildReport_nameSkeletons_idx" ON "ChildReport" USING GIN ("nameSkeletons");

-- CreateIndex
CREATE INDEX "ChildReport_searchName_idx" ON "ChildReport" USING GIN ("searchName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "MatchCandidate_missingId_status_probability_idx" ON "MatchCandidate"("missingId", "status", "probability");

-- CreateIndex
CREATE INDEX "MatchCandidate_foundId_status_probability_idx" ON "MatchCandidate"("foundId", "status", "probability");

-- CreateIndex
CREATE UNIQUE INDEX "MatchCandidate_missingId_foundId_key" ON "MatchCandidate"("missingId", "foundId");

-- CreateIndex
CREATE INDEX "ContactVerification_userId_verifiedAt_idx" ON "ContactVerification"("userId", "verifiedAt");

-- AddForeignKey
ALTER TABLE "MatchCandidate" ADD CONSTRAINT "MatchCandidate_missingId_fkey" FOREIGN KEY ("missingId") REFERENCES "ChildReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchCandidate" ADD CONSTRAINT "MatchCandidate_foundId_fkey" FOREIGN KEY ("foundId") REFERENCES "ChildReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

