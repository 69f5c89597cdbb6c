import type { IncidentStatus, Severity } from "@/lib/generated/prisma/enums";

/** An incident as a chip names it: severity and title, linking to its page. */
export interface IncidentRef {
  id: string;
  title: string;
  severity: Severity;
  /** Left out where only open incidents can appear. */
  status?: IncidentStatus;
}

/** The Prisma `select` that loads an incident reference alongside a grant or request. */
export const incidentRefSelect = { id: true, title: true, severity: true, status: true } as const;
