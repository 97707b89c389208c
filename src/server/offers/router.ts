import { router } from "../trpc/init";

export const offersRouter = router({});
