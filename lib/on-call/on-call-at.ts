/** One person's on-call shift for a group, as the policy engine keeps it in memory. */
export interface OnCallShiftRow {
  groupName: string;
  userId: string;
  until: Date | null;
}

/** Who is on call at `at`, per group name, from shifts already loaded: a shift counts while `at` is before its `until`. */
export function onCallAt(shifts: Iterable<OnCallShiftRow>, at: Date): Map<string, Set<string>> {
  const onCall = new Map<string, Set<string>>();
  for (const shift of shifts) {
    if (shift.until && shift.until.getTime() <= at.getTime()) continue;
    const people = onCall.get(shift.groupName) ?? new Set<string>();
    people.add(shift.userId);
    onCall.set(shift.groupName, people);
  }
  return onCall;
}
