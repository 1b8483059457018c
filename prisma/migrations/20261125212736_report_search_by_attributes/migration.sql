-- AlterTable
ALTER TABLE "ChildReport" ADD COLUMN     "searchByAttributes" BOOLEAN NOT NULL DEFAULT false;

