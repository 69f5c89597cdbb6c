import type { Metadata } from "next";
import { CatalogPage } from "@/components/admin/catalog-page";
import { DeleteScheduleDialog, ScheduleDialog } from "@/components/admin/schedule-dialogs";
import { RefreshOnChange } from "@/components/live/refresh-on-change";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { ActionsHead, Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUserForPage } from "@/lib/auth/current-user";
import { mayAdminister } from "@/lib/authorization/rules";
import { systemClock } from "@/lib/kernel/clock";
import { listSchedules } from "@/lib/schedules/list-schedules";
import { formatWeeklyRule, formatWindow } from "@/lib/schedules/rule-text";
import type { ScheduleDto } from "@/lib/schedules/schemas";

export const metadata: Metadata = { title: "Schedules" };

/** "Tue 8 Dec, 10:00" on the schedule's own clock. */
const onItsClock = (at: string, timezone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone: timezone, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }).format(
    new Date(at),
  );

function NowCell({ schedule, now }: { schedule: ScheduleDto; now: number }) {
  const next = schedule.nextTransition;
  return (
    <TableCell className="whitespace-nowrap">
      <Badge tone={schedule.openNow ? "success" : "neutral"}>{schedule.openNow ? "Open now" : "Closed"}</Badge>
      <p className="mt-1 text-xs text-muted-foreground">
        {next ? (
          <>
            {next.open ? "Next opens" : "Closes"} {onItsClock(next.at, schedule.timezone)} (<RelativeTime at={next.at} now={now} />)
          </>
        ) : schedule.openNow ? (
          "Open around the clock"
        ) : (
          "Never opens again"
        )}
      </p>
    </TableCell>
  );
}

export default async function SchedulesPage() {
  const viewer = await requireUserForPage();
  const isAdmin = mayAdminister(viewer);
  const now = systemClock.now();
  const schedules = await listSchedules({ clock: { now: () => now } });
  return (
    <CatalogPage
      title="Schedules"
      description="Named maintenance and change windows. Policies test whether one is open at the moment they decide."
      action={isAdmin && <ScheduleDialog />}
      listTitle="Named schedules"
      empty={
        schedules.length === 0 && {
          title: "No schedule exists yet.",
          why: isAdmin
            ? "A schedule such as prod-change-window lets a policy allow or route something only inside the window. Create one."
            : "A schedule such as prod-change-window lets a policy allow or route something only inside the window; an admin creates them.",
          holdsAction: true,
        }
      }
    >
      <RefreshOnChange subjectKinds={["schedule"]} refreshAt={schedules.flatMap((schedule) => schedule.nextTransition?.at ?? [])} />
      <Table aria-label="Schedules">
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>Now</TableHead>
            <TableHead>Weekly rules</TableHead>
            <TableHead>One-off windows</TableHead>
            {isAdmin && <ActionsHead />}
          </TableRow>
        </TableHeader>
        <tbody>
          {schedules.map((schedule) => (
            <TableRow key={schedule.id}>
              <TableCell className="align-top">
                <p className="font-mono text-xs leading-5 whitespace-nowrap">{schedule.name}</p>
                <p className="text-xs text-muted-foreground">{schedule.timezone}</p>
                {schedule.description && <p className="max-w-xs text-xs text-muted-foreground">{schedule.description}</p>}
              </TableCell>
              <NowCell schedule={schedule} now={now.getTime()} />
              <TableCell className="align-top font-mono text-xs">
                {schedule.weeklyRules.length === 0 ? (
                  <span className="font-sans text-muted-foreground">None</span>
                ) : (
                  <ul>
                    {schedule.weeklyRules.map((rule, index) => (
                      <li key={index}>{formatWeeklyRule(rule)}</li>
                    ))}
                  </ul>
                )}
              </TableCell>
              <TableCell className="align-top font-mono text-xs">
                {schedule.oneOffWindows.length === 0 ? (
                  <span className="font-sans text-muted-foreground">None</span>
                ) : (
                  <ul>
                    {schedule.oneOffWindows.map((window, index) => (
                      <li key={index} className={Date.parse(window.endsAt) <= now.getTime() ? "text-muted-foreground line-through" : undefined}>
                        {formatWindow(window, schedule.timezone)}
                      </li>
                    ))}
                  </ul>
                )}
              </TableCell>
              {isAdmin && (
                <TableCell className="py-1.5 text-right align-top">
                  <div className="flex justify-end gap-2">
                    <ScheduleDialog schedule={schedule} />
                    <DeleteScheduleDialog schedule={schedule} />
                  </div>
                </TableCell>
              )}
            </TableRow>
          ))}
        </tbody>
      </Table>
    </CatalogPage>
  );
}
