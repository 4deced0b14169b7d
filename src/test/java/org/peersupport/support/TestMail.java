package org.peersupport.support;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real SMTP server in the test JVM (GreenMail), one per JVM like the database. The app sends
 * to it over SMTP with its real mail client; tests read what arrived for their own addresses.
 */
public final class TestMail implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Pattern PASSWORD_LINK = Pattern.compile("/account/set-password/([A-Za-z0-9_-]{43})");

    private static GreenMail server;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        GreenMail mail = server();
        TestPropertyValues.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + mail.getSmtp().getPort())
                .applyTo(context);
    }

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            server.start();
        }
        return server;
    }

    /** The messages that reached one address; tests use unique addresses, so these are theirs. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(server().getReceivedMessages()).filter(m -> isTo(m, address)).toList();
    }

    /** The subjects of the messages that reached one address, oldest first. */
    public static List<String> subjects(String address) {
        return to(address).stream().map(message -> {
            try {
                return message.getSubject();
            }
            catch (MessagingException ex) {
                throw new IllegalStateException(ex);
            }
        }).toList();
    }

    /** The token of the last password link e-mailed to the address. */
    public static String passwordLinkToken(String address) {
        String token = null;
        for (MimeMessage message : to(address)) {
            try {
                Matcher link = PASSWORD_LINK.matcher(message.getContent().toString());
                if (link.find()) {
                    token = link.group(1);
                }
            }
            catch (IOException | MessagingException ex) {
                throw new IllegalStateException(ex);
            }
        }
        if (token == null) {
            throw new AssertionError("No password link was e-mailed to " + address);
        }
        return token;
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return message.getRecipients(Message.RecipientType.TO) != null
                    && Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                            .anyMatch(r -> r.toString().equalsIgnoreCase(address));
        }
        catch (MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
