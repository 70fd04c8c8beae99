-- DropIndex
DROP INDEX "ApiKey_companyId_idx";

-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "description" TEXT,
ADD COLUMN     "replacedById" TEXT;

-- AlterTable
ALTER TABLE "Company" ADD COLUMN     "maxKeyLifetimeDays" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_replacedById_key" ON "ApiKey"("replacedById");

-- CreateIndex
CREATE INDEX "ApiKey_companyId_createdAt_idx" ON "ApiKey"("companyId", "createdAt");

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_replacedById_fkey" FOREIGN KEY ("replacedById") REFERENCES "ApiKey"("id") ON DELETE SET NULL ON UPDATE CASCADE;
