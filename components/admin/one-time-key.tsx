import type { ReactNode } from "react";
import { ShownOnce } from "@/components/ui/shown-once";

/** A new agent key or resource server secret, shown once; Baton keeps only its hash. */
export function OneTimeKey({ secret, label, usage }: { secret: string; label: string; usage: ReactNode }) {
  return <ShownOnce label={label} value={secret} notice="Store this key now; it is not shown again." usage={<>{usage} Baton keeps only its hash.</>} />;
}
