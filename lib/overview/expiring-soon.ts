import { parseDuration } from "@/lib/kernel/duration";

/** "Expiring soon" on the overview, as its tile links it (`/grants?expiring=15m`). */
export const EXPIRING_SOON = "15m";

/** The same window in ms: shared by the server's count and the browser's. */
export const EXPIRING_SOON_MS = parseDuration(EXPIRING_SOON)! * 1000;
