-- CreateIndex
CREATE INDEX "ChildReport_guardianKeys_idx" ON "ChildReport" USING GIN ("guardianKeys");

