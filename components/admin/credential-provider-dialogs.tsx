"use client";
import { checkCredentialProviderAction, createCredentialProviderAction, deleteCredentialProviderAction } from "@/app/(app)/credential-providers/actions";
import { bindField } from "@/components/shared/bind-field";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select";
import { ConfirmDialog } from "./confirm-dialog";
import { FormDialog } from "./form-dialog";

const KINDS = [
  { value: "postgresql", label: "PostgreSQL" },
  { value: "mariadb", label: "MariaDB / MySQL" },
  { value: "redis", label: "Redis" },
  { value: "rabbitmq", label: "RabbitMQ" },
] as const;

export function CreateCredentialProviderDialog() {
  return (
    <FormDialog
      trigger={<Button>Register provider</Button>}
      title="Register credential provider"
      description="A system Baton creates a short-lived user in for each grant, and removes — sessions cut — when the grant ends. Baton checks the connection before saving; the password is encrypted and never shown again."
      submitLabel="Check and register"
      wide
      action={createCredentialProviderAction}
      fields={(state) => (
        <>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <Field label="Name" required autoComplete="off" {...bindField(state, "name")} hint="Scopes name it, such as orders-db." />
            <SelectField label="Kind" {...bindField(state, "kind")} defaultValue={state.values?.kind ?? "postgresql"}>
              {KINDS.map((kind) => (
                <option key={kind.value} value={kind.value}>
                  {kind.label}
                </option>
              ))}
            </SelectField>
            <Field label="Host" required autoComplete="off" {...bindField(state, "host")} hint="Agents connect here too, such as 127.0.0.1." />
            <Field label="Port" inputMode="numeric" autoComplete="off" {...bindField(state, "port")} hint="Default 5432, 3306, 6379 or 5672." />
            <Field label="Admin user" autoComplete="off" {...bindField(state, "user")} hint="May create users. Default postgres, root, default or guest." />
            <Field label="Admin password" type="password" autoComplete="new-password" name="password" error={state.fieldErrors?.password} />
            <Field label="Database" autoComplete="off" {...bindField(state, "database")} hint="PostgreSQL, MariaDB: where privileges are granted." />
            <Field label="Management URL" autoComplete="off" {...bindField(state, "managementUrl")} hint="RabbitMQ: default http://host:15672." />
          </div>
        </>
      )}
    />
  );
}

export function CheckCredentialProviderDialog({ id, name }: { id: string; name: string }) {
  return (
    <FormDialog
      trigger={
        <Button size="sm" variant="outline">
          Check<span className="sr-only"> {name}</span>
        </Button>
      }
      title={`Check ${name}`}
      description="Connects with the stored admin connection now; the outcome is shown in the list."
      submitLabel="Check now"
      action={checkCredentialProviderAction}
      fields={() => <input type="hidden" name="id" value={id} />}
    />
  );
}

export function DeleteCredentialProviderDialog({ id, name }: { id: string; name: string }) {
  return (
    <ConfirmDialog
      trigger={
        <Button size="sm" variant="outline">
          Delete<span className="sr-only"> {name}</span>
        </Button>
      }
      title={`Delete ${name}?`}
      description={<p>Only a provider no scope names, and whose credentials have all been removed, can be deleted. Its admin password is forgotten.</p>}
      confirmLabel="Delete provider"
      action={deleteCredentialProviderAction}
      fields={() => <input type="hidden" name="id" value={id} />}
    />
  );
}
