-- DropIndex
DROP INDEX "Grant_createdAt_idx";

-- CreateIndex
CREATE INDEX "AuditEvent_subjectId_seq_idx" ON "AuditEvent"("subjectId", "seq");

-- CreateIndex
CREATE INDEX "Grant_createdAt_id_idx" ON "Grant"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Grant_status_createdAt_id_idx" ON "Grant"("status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Grant_agentId_createdAt_id_idx" ON "Grant"("agentId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Grant_onBehalfOfId_createdAt_id_idx" ON "Grant"("onBehalfOfId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Grant_incidentId_createdAt_id_idx" ON "Grant"("incidentId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Grant_scopes_idx" ON "Grant" USING GIN ("scopes");
