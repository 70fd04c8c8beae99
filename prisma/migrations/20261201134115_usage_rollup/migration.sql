-- AlterTable
ALTER TABLE "ApiRequestLog" ADD COLUMN     "errorCode" TEXT,
ADD COLUMN     "scope" TEXT;

-- CreateTable
CREATE TABLE "ApiUsageHourly" (
    "companyId" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "apiKeyId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "route" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "errorCode" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "latencyBucket" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "durationMsSum" BIGINT NOT NULL,

    CONSTRAINT "ApiUsageHourly_pkey" PRIMARY KEY ("companyId","hour","apiKeyId","vendorId","method","route","status","errorCode","scope","latencyBucket")
);

-- CreateIndex
CREATE INDEX "ApiRequestLog_requestId_idx" ON "ApiRequestLog"("requestId");
