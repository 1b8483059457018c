-- CreateTable
CREATE TABLE "CwcSitting" (
    "id" UUID NOT NULL,
    "bodyId" TEXT NOT NULL,
    "sittingOn" DATE NOT NULL,
    "caseIds" UUID[],
    "recordedBy" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CwcSitting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CwcSitting_bodyId_sittingOn_key" ON "CwcSitting"("bodyId", "sittingOn");

