-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "agentId" TEXT;

-- CreateIndex
CREATE INDEX "AuditEvent_agentId_seq_idx" ON "AuditEvent"("agentId", "seq");
