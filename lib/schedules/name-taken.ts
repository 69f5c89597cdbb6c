import { AppError } from "@/lib/kernel/errors";

export const nameTaken = (name: string) =>
  new AppError("CONFLICT", `A schedule named ${name} already exists`, { errors: [{ field: "name", message: "is already taken" }] });
