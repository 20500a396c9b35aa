import { createContext, useContext } from "react";

/** The response's CSP nonce; only the server knows it (browsers hide it from scripts after load). */
export const NonceContext = createContext<string | undefined>(undefined);
export const useNonce = () => useContext(NonceContext);
