import type { PersonActor } from "@/lib/auth/actor";
import type { AdminPrincipal } from "./api-route";

export const personActor = (caller: AdminPrincipal): PersonActor => ({ userId: caller.userId, role: caller.role });
