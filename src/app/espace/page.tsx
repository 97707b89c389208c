import { redirect } from "next/navigation";
import { currentUser, HOME_BY_ROLE } from "@/server/api/session";

/** "My space": sends each signed-in person to their role's home. */
export default async function MySpace() {
  const user = await currentUser();
  if (!user) redirect("/connexion");
  redirect(HOME_BY_ROLE[user.role]);
}
