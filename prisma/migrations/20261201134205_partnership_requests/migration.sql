-- CreateEnum
CREATE TYPE "PartnershipRequestStatus" AS ENUM ('PENDING', 'APPROVED', 'DENIED', 'WITHDRAWN', 'CANCELLED');

-- AlterTable
ALTER TABLE "Partnership" ADD COLUMN     "activeSince" TIMESTAMPTZ(3),
ADD COLUMN     "closedAs" TEXT,
ADD COLUMN     "openedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "PartnershipRequest" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "scopes" TEXT[],
    "note" TEXT,
    "status" "PartnershipRequestStatus" NOT NULL DEFAULT 'PENDING',
    "approvedScopes" TEXT[],
    "decisionReason" TEXT,
    "requestedByLabel" TEXT NOT NULL,
    "decidedByLabel" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PartnershipRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PartnershipRequest_partnershipId_createdAt_idx" ON "PartnershipRequest"("partnershipId", "createdAt");

-- CreateIndex
CREATE INDEX "PartnershipRequest_status_idx" ON "PartnershipRequest"("status");

-- AddForeignKey
ALTER TABLE "PartnershipRequest" ADD CONSTRAINT "PartnershipRequest_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Partnerships made before requests existed: their cycle began when they were created, and the
-- active or suspended ones have been granted since then.
UPDATE "Partnership"
SET "openedAt" = "createdAt",
    "activeSince" = CASE WHEN "status" IN ('ACTIVE', 'SUSPENDED') THEN "createdAt" END,
    "closedAs" = CASE WHEN "status" = 'REVOKED' THEN 'revoked' END;
