-- CreateTable
CREATE TABLE "Delivery" (
    "id" UUID NOT NULL,
    "noticeKey" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en',
    "caseId" UUID,
    "kind" TEXT NOT NULL,
    "stateCode" TEXT,
    "districtCode" TEXT,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "providerRef" TEXT,
    "queuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),
    "deliveredAt" TIMESTAMPTZ(3),
    "failedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationSettings" (
    "userId" UUID NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en',
    "choices" JSONB NOT NULL DEFAULT '{}',
    "digest" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "NotificationSettings_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "WebhookSubscription" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "eventKinds" TEXT[],
    "stateCode" TEXT NOT NULL,
    "districtCode" TEXT,
    "secret" TEXT NOT NULL,
    "previousSecret" TEXT,
    "secretRotatedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabledAt" TIMESTAMPTZ(3),

    CONSTRAINT "WebhookSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Delivery_caseId_queuedAt_idx" ON "Delivery"("caseId", "queuedAt");

-- CreateIndex
CREATE INDEX "Delivery_status_queuedAt_idx" ON "Delivery"("status", "queuedAt");

-- CreateIndex
CREATE INDEX "Delivery_providerRef_idx" ON "Delivery"("providerRef");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_noticeKey_channel_recipientId_key" ON "Delivery"("noticeKey", "channel", "recipientId");

-- CreateIndex
CREATE INDEX "WebhookSubscription_stateCode_idx" ON "WebhookSubscription"("stateCode");

