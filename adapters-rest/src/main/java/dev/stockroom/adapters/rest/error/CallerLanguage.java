package dev.stockroom.adapters.rest.error;

import dev.stockroom.core.shared.LanguageTag;

/**
 * A principal that knows its user's language: error answers to a request that does not ask for a
 * language ({@code Accept-Language}) are written in it where a translation exists.
 */
public interface CallerLanguage {
    LanguageTag language();
}
