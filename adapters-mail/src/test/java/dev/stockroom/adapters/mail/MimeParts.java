package dev.stockroom.adapters.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;

/** Finds the decoded plain-text and HTML bodies in a received multipart message. */
final class MimeParts {
    private MimeParts() {}

    static String text(Part message) throws MessagingException, IOException {
        return find(message, "text/plain");
    }

    static String html(Part message) throws MessagingException, IOException {
        return find(message, "text/html");
    }

    private static String find(Part part, String mimeType) throws MessagingException, IOException {
        if (part.isMimeType(mimeType)) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = find(child, mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
