-- AlterTable
ALTER TABLE "Escalation" ADD COLUMN     "watchId" TEXT;

