-- CreateTable
CREATE TABLE "ReportPrivacyNotice" (
    "reportId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "version" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "acknowledgedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReportPrivacyNotice_pkey" PRIMARY KEY ("reportId")
);

-- CreateTable
CREATE TABLE "ReportErasure" (
    "reportId" UUID NOT NULL,
    "erasedBy" UUID,
    "erasedAt" TIMESTAMPTZ(3) NOT NULL,
    "ground" TEXT NOT NULL,
    "keptWithCase" BOOLEAN NOT NULL,

    CONSTRAINT "ReportErasure_pkey" PRIMARY KEY ("reportId")
);

-- CreateTable
CREATE TABLE "PartnerDisclosure" (
    "id" BIGSERIAL NOT NULL,
    "partnerId" UUID NOT NULL,
    "partnerName" TEXT NOT NULL,
    "recordType" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "stateCode" TEXT,
    "districtCode" TEXT,
    "disclosedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PartnerDisclosure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RetentionRun" (
    "id" UUID NOT NULL,
    "ranAt" TIMESTAMPTZ(3) NOT NULL,
    "outcome" JSONB NOT NULL,

    CONSTRAINT "RetentionRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PartnerDisclosure_partnerId_disclosedAt_idx" ON "PartnerDisclosure"("partnerId", "disclosedAt");

-- CreateIndex
CREATE INDEX "PartnerDisclosure_recordId_idx" ON "PartnerDisclosure"("recordId");

-- CreateIndex
CREATE INDEX "PartnerDisclosure_stateCode_disclosedAt_idx" ON "PartnerDisclosure"("stateCode", "disclosedAt");

-- CreateIndex
CREATE INDEX "PartnerDisclosure_disclosedAt_idx" ON "PartnerDisclosure"("disclosedAt");

-- CreateIndex
CREATE INDEX "RetentionRun_ranAt_idx" ON "RetentionRun"("ranAt");

