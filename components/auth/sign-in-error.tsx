import { Alert } from "@/components/ui/alert";

// Auth.js sends a refused or failed single sign-on back with ?error=<type>; the details are in the audit log and the server log.
const MESSAGES: Record<string, string> = {
  AccessDenied: "Baton did not let this single sign-on account in: it is disabled, or the identity provider has not verified its email. Ask an admin.",
};
const FALLBACK = "Single sign-on did not complete. Try again; if it keeps failing, ask an admin.";

export function SignInError({ type }: { type: string }) {
  return <Alert className="mb-4">{MESSAGES[type] ?? FALLBACK}</Alert>;
}
