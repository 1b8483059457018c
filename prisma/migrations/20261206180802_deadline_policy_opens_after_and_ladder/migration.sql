-- AlterTable
ALTER TABLE "DeadlinePolicyOverride" ADD COLUMN     "ladder" JSONB,
ADD COLUMN     "opensAfter" TEXT,
ALTER COLUMN "within" DROP NOT NULL;

