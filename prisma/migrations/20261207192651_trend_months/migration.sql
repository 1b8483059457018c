-- CreateTable
CREATE TABLE "TrendMonth" (
    "districtCode" TEXT NOT NULL,
    "stateCode" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "registered" INTEGER NOT NULL,
    "produced" INTEGER NOT NULL,
    "producedWithin24Hours" INTEGER NOT NULL,
    "escalations" INTEGER NOT NULL,
    "missingReports" INTEGER NOT NULL,
    "foundReports" INTEGER NOT NULL,
    "pendingBeyond4Months" INTEGER NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TrendMonth_pkey" PRIMARY KEY ("districtCode","month")
);

-- CreateIndex
CREATE INDEX "TrendMonth_stateCode_month_idx" ON "TrendMonth"("stateCode", "month");

