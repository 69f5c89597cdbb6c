import { Button } from "@/components/ui/button";

/**
 * A plain link, not next/link: prefetching it would start a sign-in at the identity provider. With
 * `reauth`, the provider is asked to authenticate the person again rather than reuse its session.
 */
export function SsoSignInLink({ callbackUrl, reauth }: { callbackUrl: string; reauth: boolean }) {
  const query = new URLSearchParams({ callbackUrl, ...(reauth ? { reauth: "1" } : {}) });
  return (
    <div className="mt-4 flex flex-col gap-4">
      <div className="flex items-center gap-3 text-xs text-muted-foreground" aria-hidden>
        <span className="h-px flex-1 bg-border" />
        or
        <span className="h-px flex-1 bg-border" />
      </div>
      <Button asChild variant="outline">
        <a href={`/sign-in/sso?${query}`}>Sign in with SSO</a>
      </Button>
    </div>
  );
}
