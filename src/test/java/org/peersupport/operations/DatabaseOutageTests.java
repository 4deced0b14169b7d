package org.peersupport.operations;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.peersupport.account.CurrentUser;
import org.peersupport.support.Fixtures;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * PostgreSQL drops every connection (a restart or a failover looks like this to the app) in the
 * middle of a burst of referrals. Each submission is either saved, or answered with a "try again"
 * page; none gets a stack trace; each saved one is stored once; sending the others again with the
 * same submission key stores each of them once too, and the app recovers within 30 seconds.
 */
@IntegrationTest
class DatabaseOutageTests {

    static final int REFERRALS = 40;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void every_referral_of_a_burst_is_stored_exactly_once_across_a_loss_of_every_connection() throws Exception {
        Place place = fixtures.hospital();
        CurrentUser referrer = fixtures.physicianUser(place.departmentId());
        List<Long> colleagues = new ArrayList<>();
        List<UUID> keys = new ArrayList<>();
        for (int i = 0; i < REFERRALS; i++) {
            colleagues.add(fixtures.physician(place.departmentId()));
            keys.add(UUID.randomUUID());
        }

        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch started = new CountDownLatch(REFERRALS / 4);
        Map<UUID, MockHttpServletResponse> answers = new ConcurrentHashMap<>();
        List<Future<?>> submissions = new ArrayList<>();
        for (int i = 0; i < REFERRALS; i++) {
            long colleague = colleagues.get(i);
            UUID key = keys.get(i);
            submissions.add(threads.submit(() -> {
                started.countDown();
                answers.put(key, refer(referrer, colleague, key));
                return null;
            }));
        }
        started.await(30, TimeUnit.SECONDS);
        Integer dropped = jdbc.queryForObject("""
                select count(pg_terminate_backend(pid)) from pg_stat_activity
                where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
                """, Integer.class);
        for (Future<?> submission : submissions) {
            submission.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();
        assertThat(dropped).as("connections dropped mid-burst").isPositive();

        List<UUID> toSendAgain = new ArrayList<>();
        for (UUID key : keys) {
            MockHttpServletResponse answer = answers.get(key);
            assertThat(answer.getStatus()).as("saved, or asked to try again").isIn(302, 503);
            if (answer.getStatus() == 302) {
                assertThat(stored(key)).as("a saved referral is stored once").isEqualTo(1);
            }
            else {
                assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).contains("Please try again in a moment")
                        .doesNotContain("Exception").doesNotContain("at org.");
                assertThat(answer.getHeader("Retry-After")).isEqualTo("5");
                toSendAgain.add(key);
            }
        }

        // Everything sent again with the same key, as a person going back and pressing Send would:
        // the app is back within 30 s, and no referral is stored twice.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (int i = 0; i < REFERRALS; i++) {
            int status;
            do {
                status = refer(referrer, colleagues.get(i), keys.get(i)).getStatus();
            }
            while (status == 503 && System.nanoTime() < deadline);
            assertThat(status).as("recovered within 30 s").isEqualTo(302);
        }
        for (UUID key : keys) {
            assertThat(stored(key)).as("stored once, sent once or twice").isEqualTo(1);
        }
    }

    private MockHttpServletResponse refer(CurrentUser referrer, long colleague, UUID key) throws Exception {
        return mvc.perform(post("/referrals/new").param("who", "colleague").param("colleagueId", String.valueOf(colleague))
                .param("trigger", "BURNOUT").param("danger", "false").param("submissionKey", key.toString())
                .with(csrf()).with(user(referrer))).andReturn().getResponse();
    }

    private int stored(UUID key) {
        return jdbc.queryForObject("select count(*) from referral_request where submission_key = ?", Integer.class, key);
    }
}
