/** When a grant's reminder is due, or null when it gets none (reminders off, or the grant is shorter than the lead time). */
export function reminderDueAt(grant: { startsAt: Date; expiresAt: Date }, leadSeconds: number): Date | null {
  if (leadSeconds <= 0) return null;
  const dueAt = new Date(grant.expiresAt.getTime() - leadSeconds * 1000);
  return dueAt > grant.startsAt ? dueAt : null;
}
