package org.peersupport.organization;

/**
 * A value as an edit form starts from, read with its version from the database rather than from the
 * reference cache, so that a copy a moment stale can never be saved over a newer change.
 */
public record Versioned<T>(T value, long version) {
}
