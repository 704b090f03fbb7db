/**
 * Middleware that comes with Snel, Starlette's {@code starlette.middleware} (which FastAPI
 * re-exports as {@code fastapi.middleware}): {@link dev.snel.middleware.Cors}, {@link
 * dev.snel.middleware.GZip}, {@link dev.snel.middleware.TrustedHost}, {@link
 * dev.snel.middleware.HttpsRedirect}, and {@link dev.snel.middleware.RequestId} (request ids,
 * timing and an access log). Add them with {@link dev.snel.Snel#middleware}; the one added last is
 * the outermost. Each leaves the response it gets from the app as it is and changes a copy.
 */
package dev.snel.middleware;
