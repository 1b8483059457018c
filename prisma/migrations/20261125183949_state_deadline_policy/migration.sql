-- CreateTable
CREATE TABLE "DeadlinePolicyOverride" (
    "stateCode" TEXT NOT NULL,
    "deadlineId" TEXT NOT NULL,
    "within" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "setBy" TEXT NOT NULL,
    "setAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DeadlinePolicyOverride_pkey" PRIMARY KEY ("stateCode","deadlineId")
);

