/** Nobody approves what they own, asked for, or would act through: the agent's owner, the on-behalf-of person, the filer. */
export function conflictOfInterest(approverId: string, request: { agentOwnerId: string; onBehalfOfId: string | null; filedById: string | null }): string | null {
  if (approverId === request.agentOwnerId) return "you own the agent that asked";
  if (approverId === request.onBehalfOfId) return "the agent acts on your behalf";
  if (approverId === request.filedById) return "you filed this request";
  return null;
}
