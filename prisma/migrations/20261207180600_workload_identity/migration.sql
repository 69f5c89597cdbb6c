-- AlterTable
ALTER TABLE "Agent" ADD COLUMN     "requireFederation" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "WorkloadIssuer" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "jwksUri" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkloadIssuer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FederatedIdentity" (
    "id" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "issuerId" TEXT NOT NULL,
    "subject" TEXT,
    "claims" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FederatedIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsumedWorkloadToken" (
    "issuerId" TEXT NOT NULL,
    "jti" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConsumedWorkloadToken_pkey" PRIMARY KEY ("issuerId","jti")
);

-- CreateIndex
CREATE UNIQUE INDEX "WorkloadIssuer_name_key" ON "WorkloadIssuer"("name");

-- CreateIndex
CREATE UNIQUE INDEX "WorkloadIssuer_issuer_key" ON "WorkloadIssuer"("issuer");

-- CreateIndex
CREATE INDEX "FederatedIdentity_agentId_idx" ON "FederatedIdentity"("agentId");

-- CreateIndex
CREATE INDEX "FederatedIdentity_issuerId_idx" ON "FederatedIdentity"("issuerId");

-- CreateIndex
CREATE INDEX "ConsumedWorkloadToken_expiresAt_idx" ON "ConsumedWorkloadToken"("expiresAt");

-- AddForeignKey
ALTER TABLE "FederatedIdentity" ADD CONSTRAINT "FederatedIdentity_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FederatedIdentity" ADD CONSTRAINT "FederatedIdentity_issuerId_fkey" FOREIGN KEY ("issuerId") REFERENCES "WorkloadIssuer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
