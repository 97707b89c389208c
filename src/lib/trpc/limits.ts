/** Calls in one batched tRPC request: the server refuses more (413), the browser's client sends no more. */
export const MAX_BATCH_SIZE = 10;
