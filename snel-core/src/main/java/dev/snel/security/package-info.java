/**
 * FastAPI's security schemes and their values: how a request's credentials are read (OAuth2 bearer
 * tokens, HTTP Basic and Bearer, API keys), what a missing credential answers, and what the OpenAPI
 * document says of them. Signing tokens and hashing passwords are in the snel-security module.
 */
package dev.snel.security;
