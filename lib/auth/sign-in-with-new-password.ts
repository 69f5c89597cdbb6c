import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "./index";

/**
 * Signs in a person with the password they have just chosen (first-run set-up, an accepted invitation), so
 * they land on the overview instead of typing it again. Should the sign-in still be refused (the account
 * was disabled meanwhile), they land on the sign-in page at `fallback`, which says what happened.
 */
export async function signInWithNewPassword(options: { email: string; password: string; fallback: string }): Promise<never> {
  try {
    await signIn("credentials", { email: options.email, password: options.password, redirectTo: "/" });
  } catch (error) {
    if (error instanceof AuthError) redirect(options.fallback);
    throw error;
  }
  // signIn answers by redirecting; reaching here would mean it did not.
  redirect(options.fallback);
}
