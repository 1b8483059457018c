-- AlterTable
ALTER TABLE "User" ADD COLUMN     "termFrom" DATE,
ADD COLUMN     "termUntil" DATE;

