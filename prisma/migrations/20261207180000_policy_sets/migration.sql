-- CreateEnum
CREATE TYPE "PolicyProposalStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- AlterTable
ALTER TABLE "AccessRequest" ADD COLUMN     "policySetHash" TEXT,
ADD COLUMN     "routing" JSONB;

-- CreateTable
CREATE TABLE "PolicySetVersion" (
    "id" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "policies" JSONB NOT NULL,
    "note" TEXT NOT NULL,
    "authorId" TEXT,
    "approvedById" TEXT,
    "proposalId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "activatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PolicySetVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicyProposal" (
    "id" TEXT NOT NULL,
    "policies" JSONB NOT NULL,
    "hash" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "baseVersionId" TEXT NOT NULL,
    "status" "PolicyProposalStatus" NOT NULL DEFAULT 'PENDING',
    "proposedById" TEXT NOT NULL,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PolicyProposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PolicySetVersion_proposalId_key" ON "PolicySetVersion"("proposalId");

-- CreateIndex
CREATE INDEX "PolicySetVersion_activatedAt_idx" ON "PolicySetVersion"("activatedAt");

-- CreateIndex
CREATE INDEX "PolicyProposal_status_createdAt_idx" ON "PolicyProposal"("status", "createdAt");

-- AddForeignKey
ALTER TABLE "PolicySetVersion" ADD CONSTRAINT "PolicySetVersion_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "PolicyProposal"("id") ON DELETE SET NULL ON UPDATE CASCADE;
