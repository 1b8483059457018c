-- AlterTable
ALTER TABLE "BodyMember" ADD COLUMN     "userId" UUID;

-- CreateIndex
CREATE INDEX "BodyMember_userId_idx" ON "BodyMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "BodyMember_bodyId_userId_key" ON "BodyMember"("bodyId", "userId");

-- AddForeignKey
ALTER TABLE "BodyMember" ADD CONSTRAINT "BodyMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

