import { prisma } from "@/lib/db";

/** No one can sign in yet: the first admin is created through the one-time link Baton printed at start-up. */
export async function needsSetup(): Promise<boolean> {
  return (await prisma.user.count()) === 0;
}
