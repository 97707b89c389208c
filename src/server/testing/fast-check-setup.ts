import fc from "fast-check";

// Property tests explore new random inputs on every developer's run, where a finding is welcome.
// Under CI (CI=true) they replay one fixed seed, so a main that was green stays green: a random
// finding must not decide whether unrelated work lands. FC_SEED=… replays a reported failure.
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20_261_122 : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });
