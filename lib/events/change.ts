/** What live listeners hear about a committed change: enough to decide whether to re-read, never the data itself. */
export interface Change {
  seq: string;
  action: string;
  subjectKind: string;
  subjectId: string;
  agentId: string | null;
}

export const CHANGE_CHANNEL = "baton_changes";
