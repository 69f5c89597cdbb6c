/** One spelling per mailbox, so case or stray spaces cannot make a second identity for one person. */
export function normalizeEmail(email: string): string {
  return email.trim().normalize("NFKC").toLowerCase();
}
