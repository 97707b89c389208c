import { auth } from "@/auth";
import { getDb } from "@/server/db";
import { clientIp } from "@/server/lib/request";
import { createContext } from "@/server/trpc/context";
import { handleTrpcRequest } from "@/server/trpc/http";

export const dynamic = "force-dynamic";

function handler(req: Request) {
  return handleTrpcRequest(req, async () => {
    const session = await auth();
    return createContext(await getDb(), session?.user?.id, clientIp(req.headers));
  });
}

export { handler as GET, handler as POST };
