-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "registeredBy" TEXT;

