"use server";
import { mayAdminister } from "@/lib/authorization/rules";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/http/form-action";
import { createResourceServer } from "@/lib/resource-servers/create-resource-server";
import {
  createResourceServerForm,
  revokeResourceServerForm,
  rotateResourceServerSecretForm,
  type CreatedResourceServerFormState,
} from "@/lib/resource-servers/form-schemas";
import { revokeResourceServer } from "@/lib/resource-servers/revoke-resource-server";
import { rotateResourceServerSecret } from "@/lib/resource-servers/rotate-resource-server-secret";

// formAction passes the handler's state through untouched, so the new secret reaches the form that asked for it.
type SecretAction = (previous: CreatedResourceServerFormState, formData: FormData) => Promise<CreatedResourceServerFormState>;

export const createResourceServerAction: SecretAction = formAction(
  { access: "signed-in", allow: mayAdminister, schema: createResourceServerForm },
  async (input, user) => {
    const created = await createResourceServer({ principal: user, input });
    revalidatePath("/resource-servers");
    return { ok: true, issuedSecret: created.secret };
  },
);

export const rotateResourceServerSecretAction: SecretAction = formAction(
  { access: "signed-in", allow: mayAdminister, schema: rotateResourceServerSecretForm },
  async ({ id, overlapSeconds }, user) => {
    const rotated = await rotateResourceServerSecret({ principal: user, resourceServerId: id, overlapSeconds });
    revalidatePath("/resource-servers");
    return { ok: true, issuedSecret: rotated.secret };
  },
);

export const revokeResourceServerAction = formAction(
  { access: "signed-in", allow: mayAdminister, schema: revokeResourceServerForm },
  async ({ id, reason }, user) => {
    await revokeResourceServer({ principal: user, resourceServerId: id, reason });
    revalidatePath("/resource-servers");
  },
);
