-- CreateTable
CREATE TABLE "CciInspection" (
    "id" UUID NOT NULL,
    "cciId" TEXT NOT NULL,
    "byBodyId" TEXT NOT NULL,
    "visitedAs" TEXT NOT NULL,
    "visitedOn" DATE NOT NULL,
    "findings" TEXT NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CciInspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BodyReturn" (
    "id" UUID NOT NULL,
    "bodyId" TEXT NOT NULL,
    "dutyId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "filedOn" DATE NOT NULL,
    "pending" INTEGER NOT NULL,
    "disposed" INTEGER NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BodyReturn_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CciInspection_cciId_visitedOn_idx" ON "CciInspection"("cciId", "visitedOn");

-- CreateIndex
CREATE INDEX "CciInspection_byBodyId_visitedOn_idx" ON "CciInspection"("byBodyId", "visitedOn");

-- CreateIndex
CREATE UNIQUE INDEX "BodyReturn_bodyId_dutyId_period_key" ON "BodyReturn"("bodyId", "dutyId", "period");

