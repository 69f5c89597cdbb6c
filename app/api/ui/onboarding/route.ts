import { mayAdminister } from "@/lib/authorization/rules";
import { json } from "@/lib/http/api-route";
import { sessionRoute } from "@/lib/http/session-route";
import { getOnboardingProgress } from "@/lib/setup/get-onboarding-progress";
import { configuredBaseUrl } from "@/lib/webhooks/chat-message";

export const dynamic = "force-dynamic";

export const GET = sessionRoute({ allow: mayAdminister }, async ({ principal }) =>
  json(await getOnboardingProgress({ principal, baseUrl: configuredBaseUrl() })),
);
