package org.peersupport.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole app on real PostgreSQL, on a free port chosen before it starts (TestServerPort), with MockMvc. Every integration and
 * browser test uses exactly this, so they all share one cached Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.jpa.properties.hibernate.generate_statistics=true",
                "peersupport.scheduling.enabled=false",
                // Every MockMvc request comes from 127.0.0.1: the per-client pause would join up the
                // failed sign-ins of unrelated tests. SignInThrottleTests checks the client rule itself.
                "peersupport.sign-in.client-limit=1000000",
                // The session library's own clean-up timer is off too; its test calls the clean-up.
                "spring.session.jdbc.cleanup-cron=-",
                // At JVM exit the embedded database may stop before Spring does; fail fast, not in 30 s.
                "spring.datasource.hikari.connection-timeout=5000"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = {TestDatabase.class, TestMail.class, TestOidcProvider.class,
        TestServerPort.class})
@Import({Fixtures.class, StatementCounter.class})
public @interface IntegrationTest {
}
