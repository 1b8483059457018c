-- AlterTable
ALTER TABLE "ChildReport" ADD COLUMN     "blockCode" TEXT;

-- CreateTable
CREATE TABLE "LocalPlace" (
    "code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "districtCode" TEXT NOT NULL,
    "stateCode" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LocalPlace_pkey" PRIMARY KEY ("code")
);

-- CreateIndex
CREATE INDEX "LocalPlace_districtCode_kind_name_idx" ON "LocalPlace"("districtCode", "kind", "name");

