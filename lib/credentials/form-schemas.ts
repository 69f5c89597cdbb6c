import { z } from "zod";
import { credentialProviderParams, createCredentialProviderBody, providerConnectionBody } from "./schemas";

const optionalText = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());
const connection = providerConnectionBody.shape;

/** The register form: flat fields ("" = left out), the port as text. */
export const createCredentialProviderForm = z
  .object({
    name: createCredentialProviderBody.shape.name,
    kind: createCredentialProviderBody.shape.kind,
    host: connection.host,
    port: optionalText(z.coerce.number().pipe(z.number().int().min(1).max(65535))),
    user: optionalText(z.string().min(1).max(128)),
    password: optionalText(z.string().max(1024)),
    database: optionalText(connection.database.unwrap()),
    managementUrl: optionalText(connection.managementUrl.unwrap()),
  })
  .transform(({ name, kind, ...fields }) => ({ name, kind, connection: fields }));

export const credentialProviderIdForm = credentialProviderParams;
