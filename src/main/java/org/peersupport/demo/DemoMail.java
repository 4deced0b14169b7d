package org.peersupport.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Local development only (the dev profile of {@code ./mvnw spring-boot:run}): an SMTP server in
 * the app (GreenMail) that keeps every e-mail the app sends, and the app's mail client pointed at
 * it, whatever the mail settings say. The administrator reads them in the demo mailbox
 * ({@link DemoMailboxController}). The packaged jar contains no GreenMail, so none of this can
 * start in production; {@code DEMO_MAIL=false} sends to the configured server instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = DemoMail.ENABLED, havingValue = "true")
@ConditionalOnClass(name = DemoMail.GREENMAIL)
class DemoMail {

    static final String ENABLED = "peersupport.demo-mail.enabled";

    static final String GREENMAIL = "com.icegreen.greenmail.util.GreenMail";

    private static final Logger log = LoggerFactory.getLogger(DemoMail.class);

    /** On a free port of this machine only, unless one is chosen ({@code DEMO_MAIL_PORT}). */
    @Bean(destroyMethod = "stop")
    GreenMail demoMailServer(@Value("${peersupport.demo-mail.port:0}") int port) {
        ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail server = new GreenMail(port == 0 ? smtp.dynamicPort() : smtp);
        server.start();
        log.info("Demo mail: the app's e-mails go to an SMTP server in the app (port {}); read them at"
                + " /admin/mailbox as an administrator", server.getSmtp().getPort());
        return server;
    }

    /** The app's mail client sends to the demo server, whatever spring.mail.* says. */
    @Bean
    static BeanPostProcessor demoMailClient(ObjectProvider<GreenMail> server) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof JavaMailSenderImpl client) {
                    client.setHost("127.0.0.1");
                    client.setPort(server.getObject().getSmtp().getPort());
                    client.setUsername(null);
                    client.setPassword(null);
                }
                return bean;
            }
        };
    }
}
