-- AlterTable
ALTER TABLE "ResourceServer" ADD COLUMN     "previousSecretExpiresAt" TIMESTAMP(3),
ADD COLUMN     "previousSecretHash" TEXT,
ADD COLUMN     "previousSecretPrefix" TEXT;

-- AlterTable
ALTER TABLE "SigningKey" ADD COLUMN     "activatedAt" TIMESTAMP(3);

-- CreateIndex
CREATE UNIQUE INDEX "ResourceServer_previousSecretHash_key" ON "ResourceServer"("previousSecretHash");

-- Keys created before this migration were all signing (or retired) keys.
UPDATE "SigningKey" SET "activatedAt" = "createdAt";
