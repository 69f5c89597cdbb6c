-- AlterTable
ALTER TABLE "Scope" ADD COLUMN     "resourceServerId" TEXT;

-- CreateTable
CREATE TABLE "ResourceServer" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "secretPrefix" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ResourceServer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SigningKey" (
    "kid" TEXT NOT NULL,
    "algorithm" TEXT NOT NULL,
    "publicJwk" JSONB NOT NULL,
    "privateJwkEncrypted" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),

    CONSTRAINT "SigningKey_pkey" PRIMARY KEY ("kid")
);

-- CreateIndex
CREATE UNIQUE INDEX "ResourceServer_name_key" ON "ResourceServer"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ResourceServer_audience_key" ON "ResourceServer"("audience");

-- CreateIndex
CREATE UNIQUE INDEX "ResourceServer_secretHash_key" ON "ResourceServer"("secretHash");

-- CreateIndex
CREATE INDEX "Scope_resourceServerId_idx" ON "Scope"("resourceServerId");

-- AddForeignKey
ALTER TABLE "Scope" ADD CONSTRAINT "Scope_resourceServerId_fkey" FOREIGN KEY ("resourceServerId") REFERENCES "ResourceServer"("id") ON DELETE SET NULL ON UPDATE CASCADE;
