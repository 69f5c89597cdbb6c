"use server";
import { revalidatePath } from "next/cache";
import { mayAdminister } from "@/lib/authorization/rules";
import { checkCredentialProvider } from "@/lib/credentials/check-credential-provider";
import { createCredentialProvider } from "@/lib/credentials/create-credential-provider";
import { deleteCredentialProvider } from "@/lib/credentials/delete-credential-provider";
import { createCredentialProviderForm, credentialProviderIdForm } from "@/lib/credentials/form-schemas";
import { formAction } from "@/lib/http/form-action";

export const createCredentialProviderAction = formAction(
  { access: "signed-in", allow: mayAdminister, schema: createCredentialProviderForm },
  async (input, user) => {
    await createCredentialProvider({ principal: user, input });
    revalidatePath("/credential-providers");
  },
);

export const checkCredentialProviderAction = formAction(
  { access: "signed-in", allow: mayAdminister, schema: credentialProviderIdForm },
  async ({ id }, user) => {
    await checkCredentialProvider({ principal: user, providerId: id });
    revalidatePath("/credential-providers");
  },
);

export const deleteCredentialProviderAction = formAction(
  { access: "signed-in", allow: mayAdminister, schema: credentialProviderIdForm },
  async ({ id }, user) => {
    await deleteCredentialProvider({ principal: user, providerId: id });
    revalidatePath("/credential-providers");
  },
);
