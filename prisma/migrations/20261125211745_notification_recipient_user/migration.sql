-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "recipientUserId" UUID;

-- CreateIndex
CREATE INDEX "Notification_recipientUserId_createdAt_idx" ON "Notification"("recipientUserId", "createdAt");

