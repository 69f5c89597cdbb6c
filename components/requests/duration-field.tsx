import { SelectField } from "@/components/ui/select";
import { formatDuration } from "@/lib/kernel/duration";

/** The durations people pick from, besides the longest one allowed. */
const PRESET_DURATIONS = [300, 900, 1800, 3600, 7200, 14_400, 28_800, 86_400, 172_800, 259_200];

/** `longest` first, then every preset shorter than it, longest to shortest. */
export function durationsUpTo(longest: number): number[] {
  return [longest, ...PRESET_DURATIONS.filter((seconds) => seconds < longest).reverse()];
}

/**
 * The one duration control of Baton's dialogs (approving a request, handing a bot authority for an
 * incident): a choice of durations up to `longest`, in seconds, written the way Baton writes them.
 */
export function DurationField({
  longest,
  value,
  onChange,
  name,
  longestNote,
  hint,
  error,
}: {
  longest: number;
  value: number;
  onChange: (seconds: number) => void;
  name?: string;
  /** Said beside the longest choice, such as "(as asked)". */
  longestNote?: string;
  hint?: string;
  error?: string;
}) {
  return (
    <SelectField label="Duration" name={name} value={value} onChange={(event) => onChange(Number(event.target.value))} hint={hint} error={error}>
      {durationsUpTo(longest).map((seconds) => (
        <option key={seconds} value={seconds}>
          {formatDuration(seconds)}
          {seconds === longest && longestNote && ` ${longestNote}`}
        </option>
      ))}
    </SelectField>
  );
}
