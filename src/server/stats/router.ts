import { router } from "../trpc/init";

export const statsRouter = router({});
