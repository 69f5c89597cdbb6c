import { z } from "zod";
import { idOf } from "@/lib/kernel/common-schemas";

export const agentParams = z.object({ id: idOf("agt") });
export const agentKeyParams = agentParams.extend({ keyId: idOf("key") });
