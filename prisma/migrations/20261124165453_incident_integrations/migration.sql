-- AlterTable
ALTER TABLE "Grant" ADD COLUMN     "reason" TEXT;

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "resolutionNote" TEXT;

-- CreateTable
CREATE TABLE "IncidentIntegration" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "webhookSecretSealed" TEXT NOT NULL,
    "credentialHash" TEXT NOT NULL,
    "credentialPrefix" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "IncidentIntegration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReceivedWebhook" (
    "integrationId" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReceivedWebhook_pkey" PRIMARY KEY ("integrationId","webhookId")
);

-- CreateIndex
CREATE UNIQUE INDEX "IncidentIntegration_slug_key" ON "IncidentIntegration"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "IncidentIntegration_credentialHash_key" ON "IncidentIntegration"("credentialHash");

-- CreateIndex
CREATE INDEX "ReceivedWebhook_receivedAt_idx" ON "ReceivedWebhook"("receivedAt");

-- AddForeignKey
ALTER TABLE "ReceivedWebhook" ADD CONSTRAINT "ReceivedWebhook_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "IncidentIntegration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
