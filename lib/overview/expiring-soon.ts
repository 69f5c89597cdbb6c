/** "Expiring soon" on the overview: within this long of now. Shared by the server's count and the browser's. */
export const EXPIRING_SOON_MS = 15 * 60 * 1000;
