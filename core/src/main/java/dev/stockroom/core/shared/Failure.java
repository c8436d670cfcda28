package dev.stockroom.core.shared;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A refusal a user can cause, named by a constant of its family's {@code Kind} enum
 * ({@code AccountFailure.Kind}, {@code CatalogFailure.Kind}). Edges map the kind with a
 * {@code switch} expression and no {@code default}, so a new kind does not compile until every edge
 * has an answer for it. Messages are one sentence a person can read and never hold a secret; no
 * stack trace is taken, as a refusal is an answer, not a fault.
 */
public abstract class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Map<String, List<String>> fieldErrors;

    protected Failure(String message, Map<String, List<String>> fieldErrors) {
        super(message, null, false, false);
        this.fieldErrors = Map.copyOf(Objects.requireNonNull(fieldErrors, "fieldErrors"));
    }

    /** The constant of the family's {@code Kind} enum that names this failure (a Throwable cannot be generic). */
    public abstract Enum<?> kind();

    /** Field name (as in the API) to what is wrong with it; empty when no single field is at fault. */
    public Map<String, List<String>> fieldErrors() {
        return fieldErrors;
    }
}
