/** Sessions end this long after sign-in, however actively they are used. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/**
 * Whether a session signed in at `authTime` still counts: younger than the session lifetime counted from
 * the sign-in itself (Auth.js slides the cookie's expiry on every use; this does not slide), and not from
 * before the person's last "sign out everywhere" or disablement.
 */
export function isSessionCurrent(session: { authTime: Date }, user: { sessionsValidAfter: Date }, now: Date): boolean {
  const signedInAt = session.authTime.getTime();
  return signedInAt >= user.sessionsValidAfter.getTime() && now.getTime() - signedInAt < SESSION_MAX_AGE_SECONDS * 1000;
}
