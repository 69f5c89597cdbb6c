import { SelectField } from "@/components/ui/select";

const DAY = 86_400;

const lifetimeValue = (days: number | null) => (days === null ? "" : String(days * DAY));

function lifetimeLabel(days: number | null) {
  if (days === null) return "Never";
  return days === 365 ? "In 1 year" : `In ${days} days`;
}

/**
 * When a new key or token stops working; `null` stands for never. Posts `expiresInSeconds` (empty for never).
 * `submitted` is the choice of a rejected submission, kept so the form comes back as it was sent.
 */
export function ExpiryField({
  lifetimesInDays,
  defaultDays,
  submitted,
  error,
}: {
  lifetimesInDays: (number | null)[];
  defaultDays: number | null;
  submitted?: string;
  error?: string;
}) {
  return (
    <SelectField label="Expires" name="expiresInSeconds" defaultValue={submitted ?? lifetimeValue(defaultDays)} error={error}>
      {lifetimesInDays.map((days) => (
        <option key={days ?? "never"} value={lifetimeValue(days)}>
          {lifetimeLabel(days)}
        </option>
      ))}
    </SelectField>
  );
}

/** How long the replaced key or secret keeps working after a rotation, so its holder can switch over without failed calls. `submitted` as for `ExpiryField`. */
export function OverlapField({
  credential,
  defaultSeconds,
  submitted,
  error,
}: {
  credential: "key" | "secret";
  defaultSeconds: number;
  submitted?: string;
  error?: string;
}) {
  const overlaps = [
    { seconds: "0", label: `None: the old ${credential} stops working now` },
    { seconds: "3600", label: "1 h" },
    { seconds: String(DAY), label: "24 h" },
  ];
  return (
    <SelectField label="Overlap" name="overlapSeconds" defaultValue={submitted ?? String(defaultSeconds)} error={error}>
      {overlaps.map((overlap) => (
        <option key={overlap.seconds} value={overlap.seconds}>
          {overlap.label}
        </option>
      ))}
    </SelectField>
  );
}
