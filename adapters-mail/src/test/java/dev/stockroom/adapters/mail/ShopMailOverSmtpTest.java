package dev.stockroom.adapters.mail;

import static dev.stockroom.adapters.mail.SampleNotifications.CODE_VALUE;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.stockroom.core.notification.domain.NotificationKind;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A verification mail over real SMTP, worded by a templates directory and signed by the shop. */
class ShopMailOverSmtpTest {
    private static final String SHOP = "Höhle & Co <Läden>";

    @RegisterExtension
    static final GreenMailExtension greenMail =
            new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    @TempDir
    Path templates;

    @Test
    void a_verification_mail_from_an_override_directory_carries_the_shop_name_in_subject_and_bodies() throws Exception {
        Files.writeString(templates.resolve("verification-code.subject.txt"), "{{shop_name}}: confirm your address\n");
        Files.writeString(
                templates.resolve("verification-code.txt"),
                "Hi {{first_name}}, your {{shop_name}} code is {{code}}.\n{{#shop_url}}{{shop_url}}\n{{/shop_url}}");
        // No verification-code.html: the shipped one, with the shop's name and link.
        MailTemplates shopTemplates = MailTemplates.load(
                new TemplateSettings(SHOP, Optional.of("https://hoehle.example/"), Optional.of(templates)));
        SmtpSettings server = new SmtpSettings("127.0.0.1", greenMail.getSmtp().getPort(), SmtpSettings.Transport.SMTP);

        try (SmtpMailSender sender =
                new SmtpMailSender(server, new MailSettings("noreply@hoehle.example"), shopTemplates)) {
            sender.send(SampleNotifications.of(NotificationKind.VERIFICATION_CODE));
        }

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo(SHOP + ": confirm your address");
        // SMTP carries CRLF line ends.
        assertThat(MimeParts.text(received[0]).replace("\r\n", "\n"))
                .isEqualTo("Hi Alice, your " + SHOP + " code is " + CODE_VALUE + ".\nhttps://hoehle.example/\n");
        assertThat(MimeParts.html(received[0]))
                .contains("Welcome to H\u00f6hle &amp; Co &lt;L\u00e4den&gt;.")
                .contains("<a href=\"https://hoehle.example/\"")
                .contains(">" + CODE_VALUE + "</p>")
                .doesNotContain("Stockroom", "<L\u00e4den>");
    }
}
