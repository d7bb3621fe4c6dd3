import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export function appendSocketAddress(received: string | string[] | undefined, socketAddress: string | undefined): string;
export function createWebServer(handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>): Server;
