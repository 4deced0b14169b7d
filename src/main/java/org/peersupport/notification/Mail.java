package org.peersupport.notification;

import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.peersupport.shared.MailDelivery;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Plain-text e-mails from message keys, with a link into the app. */
@Component
class Mail {

    private final JavaMailSender sender;

    private final MessageSource messages;

    private final String from;

    private final String baseUrl;

    private final MailDelivery delivery;

    Mail(JavaMailSender sender, MessageSource messages, @Value("${peersupport.mail.from}") String from,
            @Value("${peersupport.base-url}") String baseUrl, MailDelivery delivery) {
        this.delivery = delivery;
        this.sender = sender;
        this.messages = messages;
        this.from = from;
        this.baseUrl = baseUrl;
    }

    /** One message per recipient, so nobody learns who else was told. */
    void send(List<String> recipients, String subjectKey, String bodyKey, String path, Object... arguments) {
        Object[] withLink = new Object[arguments.length + 1];
        System.arraycopy(arguments, 0, withLink, 0, arguments.length);
        withLink[arguments.length] = baseUrl + path;
        String subject = messages.getMessage(subjectKey, arguments, Locale.ENGLISH);
        String body = messages.getMessage(bodyKey, withLink, Locale.ENGLISH);
        for (String recipient : recipients) {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(recipient);
            message.setSubject(subject);
            message.setText(body);
            try {
                sender.send(message);
            }
            catch (MailException ex) {
                // The event that asked for this e-mail stays unfinished, and is sent again later.
                delivery.failed();
                throw ex;
            }
            delivery.sent();
        }
    }
}
