-- CreateTable
CREATE TABLE "FaceDescriptor" (
    "reportId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "descriptor" BYTEA,
    "model" TEXT NOT NULL,
    "detectionScore" DOUBLE PRECISION,
    "faces" INTEGER NOT NULL DEFAULT 0,
    "reason" TEXT,
    "describeMs" INTEGER,
    "computedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FaceDescriptor_pkey" PRIMARY KEY ("reportId")
);

-- CreateIndex
CREATE INDEX "FaceDescriptor_kind_model_status_idx" ON "FaceDescriptor"("kind", "model", "status");

