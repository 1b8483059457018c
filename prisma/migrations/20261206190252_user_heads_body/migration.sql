-- AlterTable
ALTER TABLE "User" ADD COLUMN     "headsBody" BOOLEAN NOT NULL DEFAULT false;

