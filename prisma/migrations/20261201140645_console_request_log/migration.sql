-- AlterTable
ALTER TABLE "ApiRequestLog" ADD COLUMN     "consoleUserId" TEXT;
