import type { Metadata } from "next";
import { ApiReference } from "@/components/docs/api-reference";

const OPENAPI_DOCUMENT_URL = "/api/v1/openapi.json";

export const metadata: Metadata = { title: "API reference" };

export default function ApiReferencePage() {
  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-4 px-4 py-6">
      <header className="flex flex-col gap-1">
        <p className="text-xs font-semibold uppercase tracking-wider text-primary">Baton</p>
        <h1 className="text-lg font-semibold">Baton API</h1>
        <p className="text-sm text-muted-foreground">
          Agents call the Agent API with their agent key; admins call the Admin API with a personal API token. The reference is generated from the same schemas
          the API validates with; download it as{" "}
          <a className="text-primary underline underline-offset-2" href={OPENAPI_DOCUMENT_URL}>
            OpenAPI 3.1 JSON
          </a>
          .
        </p>
      </header>
      {/* Swagger UI brings its own light colours, so its frame stays light in either theme. */}
      <section aria-label="Operations" className="rounded-lg border bg-white text-neutral-900 [color-scheme:light]">
        <ApiReference documentUrl={OPENAPI_DOCUMENT_URL} />
      </section>
    </main>
  );
}
