import { auth } from "@/auth";
import { sessionIdentity } from "@/server/api/session";
import { databaseIfAvailable } from "@/server/db";
import { clientIp } from "@/server/lib/request";
import { createContext } from "@/server/api/context";
import { databaseForRequest, handleTrpcRequest } from "@/server/api/http";

export const dynamic = "force-dynamic";

function handler(req: Request) {
  return handleTrpcRequest(req, async () => {
    const db = await databaseForRequest(databaseIfAvailable);
    return createContext(db, sessionIdentity(await auth()), clientIp(req.headers));
  });
}

export { handler as GET, handler as POST };
