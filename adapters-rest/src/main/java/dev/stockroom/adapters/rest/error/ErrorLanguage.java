package dev.stockroom.adapters.rest.error;

import dev.stockroom.core.shared.LanguageTag;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes every error body Jersey answers in the caller's language, whichever mapper or filter
 * built it: the best of {@link ErrorTexts#LANGUAGES} for the request's {@code Accept-Language},
 * else the signed-in user's language, else English. The JSON shape and the field names never
 * change; {@code Content-Language} says which language the texts are in.
 */
final class ErrorLanguage implements ContainerResponseFilter {
    private final ErrorTexts texts = ErrorTexts.shipped();

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof LocalizedBody<?> localized) {
            localize(request, response, localized);
            return;
        }
        if (!(response.getEntity() instanceof ErrorBody body)) {
            return;
        }
        LanguageTag language = of(request);
        if (!language.equals(LanguageTag.ENGLISH)) {
            ErrorBody translated = texts.translate(body, language).orElse(null);
            if (translated == null) {
                language = LanguageTag.ENGLISH;
            } else {
                response.setEntity(translated, response.getEntityAnnotations(), response.getMediaType());
            }
        }
        response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, language.value());
    }

    /** All of the body's texts in the caller's language, or all in English when one has no translation. */
    private void localize(ContainerRequestContext request, ContainerResponseContext response, LocalizedBody<?> body) {
        List<String> english = body.texts();
        if (english.isEmpty()) {
            return;
        }
        LanguageTag language = of(request);
        if (!language.equals(LanguageTag.ENGLISH)) {
            List<String> translated = new ArrayList<>(english.size());
            for (String text : english) {
                Optional<String> in = texts.translate(text, language);
                if (in.isEmpty()) {
                    break;
                }
                translated.add(in.get());
            }
            if (translated.size() == english.size()) {
                response.setEntity(
                        body.withTexts(translated), response.getEntityAnnotations(), response.getMediaType());
            } else {
                language = LanguageTag.ENGLISH;
            }
        }
        response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, language.value());
    }

    static LanguageTag of(ContainerRequestContext request) {
        return LanguageTag.lookup(
                        LanguageTag.preferences(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)),
                        ErrorTexts.LANGUAGES)
                .orElseGet(() -> {
                    SecurityContext security = request.getSecurityContext();
                    return security != null && security.getUserPrincipal() instanceof CallerLanguage caller
                            ? caller.language().bestIn(ErrorTexts.LANGUAGES)
                            : LanguageTag.ENGLISH;
                });
    }
}
