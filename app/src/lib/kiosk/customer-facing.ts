import { createRoot, createSignal } from 'solid-js';

/**
 * Whether a customer faces the screen: the kiosk's attract, menu, review and confirmation screens
 * (not its pairing or paused staff screens). The staff shell's own news — "ready to work offline",
 * "a new version" — is noise to a customer, and its Reload would drop their order; main.tsx's
 * update prompt stays hidden while this is true. Tiny on purpose: the prompt's chunk reads it.
 */
const [customerFacing, setCustomerFacing] = createRoot(() => createSignal(false));

export { customerFacing, setCustomerFacing };
