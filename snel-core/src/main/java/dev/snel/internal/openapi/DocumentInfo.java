package dev.snel.internal.openapi;

import java.util.List;
import java.util.Map;

/**
 * The app-level parts of the document: info, servers, tags.
 *
 * @param title the API's title
 * @param version the API's version
 * @param summary a one-line summary, or null
 * @param description the description, or null
 * @param termsOfService the terms URL, or null
 * @param contact the contact object's members
 * @param license the license object's members
 * @param servers the server objects
 * @param tags tag names to descriptions, in order
 */
public record DocumentInfo(
    String title,
    String version,
    String summary,
    String description,
    String termsOfService,
    Map<String, String> contact,
    Map<String, String> license,
    List<Map<String, String>> servers,
    Map<String, String> tags) {}
