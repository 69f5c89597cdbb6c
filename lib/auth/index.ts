import NextAuth, { type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { verifyCredentials } from "./verify-credentials";

declare module "next-auth" {
  interface Session {
    user: { id: string; authTime: number } & DefaultSession["user"];
  }
}

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

const credentialsSchema = z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) });

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        return verifyCredentials(parsed.data);
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      // authTime is fixed at sign-in: it decides step-up and whether a later "sign out everywhere" covers this session.
      if (user?.id) {
        token.uid = user.id;
        token.authTime = Math.floor(Date.now() / 1000);
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = String(token.uid ?? "");
      session.user.authTime = Number(token.authTime ?? 0);
      return session;
    },
  },
  logger: {
    error(error) {
      // A wrong password is an expected outcome, not a server error.
      if (error.name === "CredentialsSignin") return;
      console.error(error);
    },
  },
});
