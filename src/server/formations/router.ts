import { router } from "../trpc/init";

export const formationsRouter = router({});
