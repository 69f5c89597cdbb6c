-- AlterTable
ALTER TABLE "Scope" ADD COLUMN     "credentialPrivileges" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "credentialProviderId" TEXT;

-- CreateTable
CREATE TABLE "CredentialProvider" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "connection" JSONB NOT NULL,
    "secretSealed" TEXT,
    "tag" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastCheckedAt" TIMESTAMP(3),
    "lastCheckError" TEXT,

    CONSTRAINT "CredentialProvider_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IssuedCredential" (
    "id" TEXT NOT NULL,
    "grantId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "activeKey" TEXT,
    "username" TEXT NOT NULL,
    "passwordSealed" TEXT NOT NULL,
    "privileges" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issuedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "droppedAt" TIMESTAMP(3),
    "cleanupAttempts" INTEGER NOT NULL DEFAULT 0,
    "nextCleanupAt" TIMESTAMP(3),
    "lastCleanupError" TEXT,

    CONSTRAINT "IssuedCredential_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CredentialProvider_name_key" ON "CredentialProvider"("name");

-- CreateIndex
CREATE UNIQUE INDEX "CredentialProvider_tag_key" ON "CredentialProvider"("tag");

-- CreateIndex
CREATE UNIQUE INDEX "IssuedCredential_activeKey_key" ON "IssuedCredential"("activeKey");

-- CreateIndex
CREATE INDEX "IssuedCredential_droppedAt_idx" ON "IssuedCredential"("droppedAt");

-- CreateIndex
CREATE INDEX "IssuedCredential_grantId_idx" ON "IssuedCredential"("grantId");

-- CreateIndex
CREATE INDEX "IssuedCredential_providerId_username_idx" ON "IssuedCredential"("providerId", "username");

-- CreateIndex
CREATE INDEX "Scope_credentialProviderId_idx" ON "Scope"("credentialProviderId");

-- AddForeignKey
ALTER TABLE "Scope" ADD CONSTRAINT "Scope_credentialProviderId_fkey" FOREIGN KEY ("credentialProviderId") REFERENCES "CredentialProvider"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssuedCredential" ADD CONSTRAINT "IssuedCredential_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "Grant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssuedCredential" ADD CONSTRAINT "IssuedCredential_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "CredentialProvider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
