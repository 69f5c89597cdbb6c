"use client";
import { useQuery } from "@tanstack/react-query";
import { CircleCheckIcon, CircleDashedIcon } from "lucide-react";
import Link from "next/link";
import { useId, useState, type ReactNode } from "react";
import { queryKeys } from "@/components/live/query-keys";
import { fetchJson } from "@/components/shared/fetch-json";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import type { OnboardingProgress, OnboardingStep } from "@/lib/setup/get-onboarding-progress";

const fetchOnboarding = () => fetchJson<OnboardingProgress>("/api/ui/onboarding");

interface StepView {
  id: OnboardingStep;
  title: string;
  why: ReactNode;
  action: ReactNode;
}

function StepLink({ href, children }: { href: string; children: string }) {
  return (
    <Button asChild variant="outline" size="sm">
      <Link href={href}>{children}</Link>
    </Button>
  );
}

function steps(progress: OnboardingProgress): StepView[] {
  return [
    {
      id: "group",
      title: "Create an approver group with you in it",
      why: "Its members decide the requests for the scopes routed to it.",
      action: <StepLink href="/groups">Create a group</StepLink>,
    },
    {
      id: "scope",
      title: "Add a scope that your group decides",
      why: "A scope is what an agent may ask for. Choose your group as its approver group and leave auto-approve off, so requests reach you.",
      action: <StepLink href="/scopes">Add a scope</StepLink>,
    },
    {
      id: "owner",
      title: "Invite the person who owns the agent",
      why: "Nobody approves requests from an agent they own, so the agent needs an owner other than you.",
      action: <StepLink href="/users">Invite the owner</StepLink>,
    },
    {
      id: "agent",
      title: "Register an agent they own, eligible for the scope",
      why: "The agent is the identity your automation uses to ask for access.",
      action: <StepLink href="/agents">Register an agent</StepLink>,
    },
    {
      id: "key",
      title: "Issue the agent a key",
      why: "Baton shows it once: keep it, as the agent's BATON_API_KEY.",
      action: (
        <StepLink href={progress.agent ? `/agents/${progress.agent.id}` : "/agents"}>
          {progress.agent ? `Issue a key to ${progress.agent.name}` : "Open Agents"}
        </StepLink>
      ),
    },
    {
      id: "request",
      title: "File a request as the agent",
      why: progress.command ? (
        <>
          In a terminal in Baton&apos;s folder, with <code className="font-mono">BATON_API_KEY</code> set to the agent&apos;s key, run this command. It waits
          for your decision and then prints the grant.
        </>
      ) : (
        "Once a scope exists, the command to run appears here."
      ),
      action: progress.command && <CommandBlock command={progress.command} />,
    },
    {
      id: "approval",
      title: "Approve it in the inbox",
      why: "The request appears there the moment it is filed. Approving issues a grant that ends by itself.",
      action: (
        <StepLink href={progress.pendingRequestId ? `/requests/${progress.pendingRequestId}` : "/requests"}>
          {progress.pendingRequestId ? "Review the request" : "Open the inbox"}
        </StepLink>
      ),
    },
  ];
}

function CommandBlock({ command }: { command: string }) {
  return (
    <div className="flex min-w-0 flex-col items-start gap-2 sm:flex-row">
      <pre
        aria-label="Command to file a first request"
        className="min-w-0 max-w-full flex-1 overflow-x-auto rounded-md border bg-muted px-3 py-2 font-mono text-xs"
      >
        <code>{command}</code>
      </pre>
      <CopyButton value={command} label="Copy command" />
    </div>
  );
}

/**
 * The admin's way from an empty installation to a first approved request. Each step ticks itself off as
 * the database changes (the event stream invalidates the overview's queries); once the first request
 * is approved it says so and can be dismissed, and the overview stops showing it.
 */
export function GetStartedChecklist() {
  const titleId = useId();
  const [dismissed, setDismissed] = useState(false);
  const { data: progress, error } = useQuery({ queryKey: queryKeys.onboarding, queryFn: fetchOnboarding });
  if (dismissed || !progress) return null;
  const views = steps(progress);
  const doneCount = views.filter((step) => progress.done[step.id]).length;
  return (
    <Card aria-labelledby={titleId}>
      <CardHeader className="flex-row items-center justify-between gap-3">
        <div className="flex flex-col gap-1">
          <CardTitle id={titleId}>Get started</CardTitle>
          <CardDescription>
            {progress.complete
              ? "Baton is set up: a first request went from an agent to an approved grant."
              : "From an empty Baton to a first approved request. Each step ticks itself off as you do it."}
            {error && ` (Could not refresh: ${error.message})`}
          </CardDescription>
        </div>
        {progress.complete ? (
          <Button variant="outline" size="sm" onClick={() => setDismissed(true)}>
            Dismiss
          </Button>
        ) : (
          <p className="shrink-0 text-xs text-muted-foreground tabular-nums" aria-live="polite">
            {doneCount} of {views.length} done
          </p>
        )}
      </CardHeader>
      <CardContent className="p-0">
        <ol className="divide-y">
          {views.map((step) => {
            const done = progress.done[step.id];
            return (
              <li key={step.id} className="flex gap-3 px-4 py-3">
                {done ? (
                  <CircleCheckIcon aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-600" />
                ) : (
                  <CircleDashedIcon aria-hidden className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
                )}
                <div className="flex min-w-0 flex-1 flex-col gap-1.5">
                  <p className={done ? "text-sm text-muted-foreground" : "text-sm font-medium"}>
                    <span className="sr-only">{done ? "Done: " : "To do: "}</span>
                    {step.title}
                  </p>
                  {!done && <div className="text-xs text-muted-foreground">{step.why}</div>}
                  {!done && step.action && <div className="min-w-0">{step.action}</div>}
                </div>
              </li>
            );
          })}
        </ol>
      </CardContent>
    </Card>
  );
}
