package dev.stockroom.adapters.mail;

/** One notification turned into words: what both senders put into a message. */
record RenderedMail(String subject, String text, String html) {}
