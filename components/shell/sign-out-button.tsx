"use client";
import { useActionState } from "react";
import { signOutAction } from "@/app/sign-in/actions";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const [, action, pending] = useActionState(signOutAction, {});
  return (
    <form action={action}>
      <Button type="submit" variant="ghost" size="sm" disabled={pending}>
        Sign out
      </Button>
    </form>
  );
}
