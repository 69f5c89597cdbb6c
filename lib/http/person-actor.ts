import type { PersonActor } from "@/lib/auth/actor";
import type { PersonPrincipal } from "@/lib/kernel/principal";

export const personActor = (caller: PersonPrincipal): PersonActor => ({ userId: caller.userId, role: caller.role });
