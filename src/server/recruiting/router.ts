import { router } from "../trpc/init";

export const recruitingRouter = router({});
