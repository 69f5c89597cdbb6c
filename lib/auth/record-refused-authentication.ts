import { prisma } from "@/lib/db";
import { recordEvent } from "@/lib/audit/record-event";
import { parseAgentKey } from "@/lib/agents/agent-key-format";
import { sha256Hex } from "@/lib/crypto/secrets";
import { ANONYMOUS_AUDIT_ACTOR } from "@/lib/kernel/principal";

/**
 * Audits a refused API credential without storing it: the key prefix when it has one (public), else a
 * short hash fragment that lets repeated attempts be correlated. Callers rate-limit before this.
 */
export async function recordRefusedAuthentication(options: { token: string | null; clientAddress: string; at: Date }): Promise<void> {
  const prefix = options.token ? parseAgentKey(options.token)?.prefix : undefined;
  const subjectId = prefix ?? (options.token ? `sha256:${sha256Hex(options.token).slice(0, 12)}` : "none");
  await prisma.$transaction((tx) =>
    recordEvent(tx, {
      actor: ANONYMOUS_AUDIT_ACTOR,
      action: "auth.refused",
      subject: { kind: prefix ? "agent_key" : "credential", id: subjectId },
      data: { clientAddress: options.clientAddress },
      at: options.at,
    }),
  );
}
