package dev.stockroom.bootstrap;

import java.util.regex.Pattern;

/** JDBC URLs as they may be shown: no user info ({@code //user:secret@host}), no password parameter. */
final class JdbcUrls {
    private static final Pattern USER_INFO = Pattern.compile("//[^/@?;\\s]*@");
    private static final Pattern PASSWORD = Pattern.compile("(?i)((?:password|passwd|pwd|sslpassword)\\s*=)[^&;\\s]*");

    private JdbcUrls() {}

    static String withoutSecrets(String url) {
        if (url == null) {
            return null;
        }
        return PASSWORD.matcher(USER_INFO.matcher(url).replaceAll("//")).replaceAll("$1***");
    }
}
