-- AlterTable
ALTER TABLE "ChildReport" ADD COLUMN     "blockCode" TEXT;

