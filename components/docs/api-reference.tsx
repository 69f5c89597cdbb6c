"use client";

import { useEffect, useRef, useState } from "react";
import "swagger-ui-dist/swagger-ui.css";

/**
 * Swagger UI from its self-contained browser bundle rather than swagger-ui-react: Turbopack mis-bundles
 * the OpenAPI 3.1 resolver swagger-ui-react pulls in (swagger-api/swagger-ui#10599), which leaves every
 * operation on a spinner. The bundle renders with its own copy of React into a node React leaves alone.
 */
export function ApiReference({ documentUrl }: { documentUrl: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    let unmounted = false;
    void import("swagger-ui-dist").then(({ SwaggerUIBundle }) => {
      if (unmounted || !container.current) return;
      SwaggerUIBundle({
        domNode: container.current,
        url: documentUrl,
        deepLinking: true,
        defaultModelsExpandDepth: 0,
        // Never hand the document's address to validator.swagger.io for a badge.
        validatorUrl: null,
      });
      setLoaded(true);
    });
    return () => {
      unmounted = true;
    };
  }, [documentUrl]);

  return (
    <>
      {!loaded && <p className="px-5 py-6 text-sm text-neutral-600">Loading the API reference…</p>}
      <div ref={container} />
    </>
  );
}
