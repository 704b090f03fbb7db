package dev.snel.internal.openapi;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The app-level parts of the document: info, servers, tags, webhooks, and the validation-error
 * response.
 *
 * @param title the API's title
 * @param version the API's version
 * @param summary a one-line summary, or null
 * @param description the description, or null
 * @param termsOfService the terms URL, or null
 * @param contact the contact object's members
 * @param license the license object's members
 * @param servers the server objects
 * @param tags tag names to descriptions (null for none), in order
 * @param webhooks the webhooks the API sends, in order
 * @param validationError the response invalid requests get
 */
public record DocumentInfo(
    String title,
    String version,
    @Nullable String summary,
    @Nullable String description,
    @Nullable String termsOfService,
    Map<String, String> contact,
    Map<String, String> license,
    List<Map<String, String>> servers,
    Map<String, String> tags,
    List<Webhook> webhooks,
    ValidationErrorResponse validationError) {

  /**
   * A webhook: a request the API sends to its users, documented under OpenAPI 3.1's {@code
   * webhooks}.
   *
   * @param name the webhook's name, e.g. {@code new-subscription}
   * @param method the HTTP method, upper case
   * @param body the type of the JSON body sent
   * @param description the description, or null
   */
  public record Webhook(String name, String method, Type body, @Nullable String description) {}

  /**
   * The response of a request that fails validation.
   *
   * @param status its status
   * @param body its body's type, or null for FastAPI's {@code HTTPValidationError}
   */
  public record ValidationErrorResponse(int status, @Nullable Type body) {
    /** FastAPI's: 422 with {@code HTTPValidationError}. */
    public static final ValidationErrorResponse FASTAPI = new ValidationErrorResponse(422, null);
  }
}
