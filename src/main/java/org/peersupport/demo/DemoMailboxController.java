package org.peersupport.demo;

import java.io.IOException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.peersupport.shared.HospitalZones;
import org.peersupport.shared.NotFoundException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The demo mailbox, for administrators (by path rule) in local development only: every e-mail the
 * app sent, newest first, each opened with its links live, so a survey invitation or a password
 * link can be followed without a mail server. Exists only with {@link DemoMail}.
 */
@Controller
@RequestMapping("/admin/mailbox")
@ConditionalOnProperty(name = DemoMail.ENABLED, havingValue = "true")
@ConditionalOnClass(name = DemoMail.GREENMAIL)
class DemoMailboxController {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    /** One e-mail as the mailbox lists and shows it; {@code number} counts from 1, the first sent. */
    record Letter(int number, String to, String subject, java.time.Instant sentAt, List<Part> body) {
    }

    /** A stretch of the body: text, or a link. */
    record Part(String text, boolean link) {
    }

    private final GreenMail server;

    private final HospitalZones zones;

    DemoMailboxController(GreenMail server, HospitalZones zones) {
        this.server = server;
        this.zones = zones;
    }

    static final int PAGE_SIZE = 50;

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        List<Letter> letters = new ArrayList<>(letters());
        java.util.Collections.reverse(letters);
        PageRequest request = PageRequest.of(Math.max(0, Math.min(page, 100_000)), PAGE_SIZE);
        int from = (int) Math.min(request.getOffset(), letters.size());
        model.addAttribute("letters", new PageImpl<>(letters.subList(from, Math.min(from + PAGE_SIZE, letters.size())),
                request, letters.size()));
        model.addAttribute("zone", zone());
        return "demo/mailbox";
    }

    @GetMapping("/{number}")
    String letter(@PathVariable int number, Model model) {
        List<Letter> letters = letters();
        if (number < 1 || number > letters.size()) {
            throw new NotFoundException();
        }
        model.addAttribute("letter", letters.get(number - 1));
        model.addAttribute("zone", zone());
        return "demo/letter";
    }

    private List<Letter> letters() {
        MimeMessage[] received = server.getReceivedMessages();
        List<Letter> letters = new ArrayList<>(received.length);
        for (int i = 0; i < received.length; i++) {
            letters.add(letter(i + 1, received[i]));
        }
        return letters;
    }

    private static Letter letter(int number, MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            return new Letter(number, to == null ? "" : String.join(", ", Arrays.stream(to).map(Address::toString).toList()),
                    message.getSubject(), message.getSentDate() == null ? null : message.getSentDate().toInstant(),
                    parts(text(message.getContent())));
        }
        catch (MessagingException | IOException ex) {
            return new Letter(number, "", "(this e-mail could not be read)", null, List.of());
        }
    }

    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return text(part.getContent());
                }
            }
        }
        return "";
    }

    /** The body as text and links; the page escapes both, so an e-mail cannot add markup. */
    static List<Part> parts(String body) {
        List<Part> parts = new ArrayList<>();
        Matcher link = LINK.matcher(body);
        int at = 0;
        while (link.find()) {
            if (link.start() > at) {
                parts.add(new Part(body.substring(at, link.start()), false));
            }
            parts.add(new Part(link.group(), true));
            at = link.end();
        }
        if (at < body.length()) {
            parts.add(new Part(body.substring(at), false));
        }
        return parts;
    }

    private ZoneId zone() {
        return zones.allZones().stream().findFirst().orElse(ZoneOffset.UTC);
    }

    /** The administrator's menu offers the mailbox only where it exists. */
    @ControllerAdvice
    @ConditionalOnProperty(name = DemoMail.ENABLED, havingValue = "true")
    @ConditionalOnClass(name = DemoMail.GREENMAIL)
    static class Link {

        @ModelAttribute("demoMailbox")
        boolean demoMailbox() {
            return true;
        }
    }
}
