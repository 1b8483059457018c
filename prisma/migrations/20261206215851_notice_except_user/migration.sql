-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "exceptUserId" UUID;

