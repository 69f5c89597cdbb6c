import { formatDurationCompact } from "@/lib/kernel/duration";

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const FRAME_INTERVAL_MS = 100;
const CLEAR_LINE = "\r\x1b[2K";

/**
 * A spinner with the elapsed time, redrawn in place on stderr. Only on a terminal: piped output and
 * logs get nothing, since a stream of carriage returns is noise there.
 */
export function startSpinner(stderr: { isTTY?: boolean; write: (text: string) => unknown }, label: string): { stop: () => void } {
  if (!stderr.isTTY) return { stop: () => undefined };
  const startedAt = Date.now();
  let frame = 0;
  const draw = () => {
    const elapsed = formatDurationCompact((Date.now() - startedAt) / 1000);
    stderr.write(`${CLEAR_LINE}${FRAMES[frame % FRAMES.length]} ${label} (${elapsed})`);
    frame += 1;
  };
  draw();
  const timer = setInterval(draw, FRAME_INTERVAL_MS);
  // The pending HTTP call keeps the process alive; the spinner alone must not.
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      stderr.write(CLEAR_LINE);
    },
  };
}
