-- AlterTable
ALTER TABLE "TimelineEntry" ADD COLUMN     "deadlines" JSONB NOT NULL DEFAULT '{}';

