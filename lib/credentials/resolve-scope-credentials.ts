import { prisma } from "@/lib/db";
import { AppError } from "@/lib/kernel/errors";
import { openProviderDriver, providerProblem } from "./open-provider-driver";
import { parsePrivileges, PrivilegeSyntaxError, type ProviderKind } from "./privilege-grammar";
import type { ScopeCredentials } from "./schemas";

/**
 * A scope's `credentials` → the provider id and the privileges in canonical form. Each privilege is parsed
 * by the provider kind's grammar (a syntax error is a 400 naming `credentials.privileges.N`), then, where
 * the system has transactions (PostgreSQL), applied to a throwaway role in a rolled-back transaction so a
 * table that does not exist is refused on save. undefined leaves the scope's unchanged; null clears them.
 */
export async function resolveScopeCredentials(
  credentials: ScopeCredentials | null | undefined,
): Promise<{ credentialProviderId: string | null; credentialPrivileges: string[] } | undefined> {
  if (credentials === undefined) return undefined;
  if (credentials === null) return { credentialProviderId: null, credentialPrivileges: [] };
  const provider = await prisma.credentialProvider.findUnique({ where: { name: credentials.provider } });
  if (!provider)
    throw new AppError("BAD_REQUEST", `No credential provider is named ${credentials.provider}`, {
      errors: [{ field: "credentials.provider", message: `no credential provider is named ${credentials.provider}` }],
    });
  let parsed;
  try {
    parsed = parsePrivileges(provider.kind as ProviderKind, credentials.privileges);
  } catch (error) {
    if (!(error instanceof PrivilegeSyntaxError)) throw error;
    const [field, ...rest] = error.message.split(": ");
    throw new AppError("BAD_REQUEST", error.message, { errors: [{ field: `credentials.${field}`, message: rest.join(": ") }] });
  }
  const driver = openProviderDriver(provider);
  if (driver.dryRun) {
    try {
      await driver.dryRun(parsed.parsed);
    } catch (error) {
      throw providerProblem(error, "credentials.privileges");
    }
  }
  return { credentialProviderId: provider.id, credentialPrivileges: parsed.canonical };
}
