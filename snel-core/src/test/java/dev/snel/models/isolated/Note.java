package dev.snel.models.isolated;

/**
 * A model that {@code SharedVariantsTest} loads twice, through two class loaders; top-level, so it
 * names itself without its loader's neighbours.
 */
public record Note(String text) {}
