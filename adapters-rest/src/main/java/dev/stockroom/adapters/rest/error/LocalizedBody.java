package dev.stockroom.adapters.rest.error;

import java.util.List;

/**
 * A body other than an {@link ErrorBody} whose texts are written in the caller's language on the
 * way out, as error bodies are ({@link ErrorLanguage}): for answers that carry error texts beside
 * other data, such as an import's report.
 *
 * @param <B> the body's own type
 */
public interface LocalizedBody<B extends LocalizedBody<B>> {
    /** Every English text of the body, in a fixed order; empty when it has none. */
    List<String> texts();

    /** The same body with {@code translated} in place of {@link #texts()}, one for one. */
    B withTexts(List<String> translated);
}
