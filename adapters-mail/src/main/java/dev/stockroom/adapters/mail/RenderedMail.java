package dev.stockroom.adapters.mail;

import dev.stockroom.core.shared.LanguageTag;

/** One notification turned into words, in {@code language}: what both senders put into a message. */
record RenderedMail(LanguageTag language, String subject, String text, String html) {}
