-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "thanaCode" TEXT;

