package org.peersupport.shared;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The reference cache's rules, without a database: the change counter is a number the test moves,
 * or a failure it raises.
 */
class ReferenceCacheTest {

    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);

    private final AtomicLong counter = new AtomicLong(7);

    private final AtomicReference<RuntimeException> outage = new AtomicReference<>();

    private final AtomicInteger loads = new AtomicInteger();

    private ReferenceCache cache;

    @BeforeEach
    void setUp() {
        when(jdbc.queryForObject(eq(ReferenceCache.POLL), eq(Long.class), eq(1))).thenAnswer(call -> {
            if (outage.get() != null) {
                throw outage.get();
            }
            return counter.get();
        });
        // Outside a transaction, a change raises the counter at once.
        when(jdbc.queryForObject(anyString(), eq(Long.class))).thenAnswer(call -> counter.incrementAndGet());
        cache = new ReferenceCache(new ConcurrentMapCacheManager(ReferenceCache.NAME), jdbc, Duration.ofHours(1));
        cache.poll();
    }

    private String name() {
        return cache.read("hospital", 1L, () -> "load " + loads.incrementAndGet());
    }

    @Test
    void a_value_is_loaded_once_until_something_changes() {
        assertThat(name()).isEqualTo("load 1");
        assertThat(name()).isEqualTo("load 1");
        cache.poll();
        assertThat(name()).as("the counter did not move").isEqualTo("load 1");

        cache.changed();
        assertThat(name()).as("a change made here is seen at once").isEqualTo("load 2");
        cache.poll();
        assertThat(name()).as("and the poll that sees it does not empty the cache again").isEqualTo("load 2");

        counter.incrementAndGet();
        cache.poll();
        assertThat(name()).as("another instance's change, seen at the next poll").isEqualTo("load 3");
    }

    @Test
    void a_load_that_raced_with_a_change_is_never_served() {
        String raced = cache.read("hospital", 1L, () -> {
            // The value is read, then a change commits before the load is stored.
            String old = "old name";
            cache.changed();
            return old;
        });
        assertThat(raced).isEqualTo("old name");
        assertThat(name()).isEqualTo("load 1");
    }

    @Test
    void while_the_counter_cannot_be_read_every_read_goes_to_the_database() {
        assertThat(name()).isEqualTo("load 1");
        outage.set(new DataAccessResourceFailureException("the database is down"));
        cache.poll();
        assertThat(name()).isEqualTo("load 2");
        assertThat(name()).isEqualTo("load 3");

        // Back, with or without changes made meanwhile: the cache starts again from the database.
        outage.set(null);
        cache.poll();
        assertThat(name()).isEqualTo("load 4");
        assertThat(name()).isEqualTo("load 4");
    }

    @Test
    void a_poller_that_stalls_for_three_intervals_sends_reads_to_the_database() throws InterruptedException {
        ReferenceCache quick = new ReferenceCache(new ConcurrentMapCacheManager(ReferenceCache.NAME), jdbc,
                Duration.ofMillis(20));
        quick.poll();
        assertThat(quick.read("hospital", 1L, () -> "first")).isEqualTo("first");
        assertThat(quick.read("hospital", 1L, () -> "second")).isEqualTo("first");
        Thread.sleep(100);
        assertThat(quick.read("hospital", 1L, () -> "third")).isEqualTo("third");
        quick.poll();
        assertThat(quick.read("hospital", 1L, () -> "fourth")).isEqualTo("first");
    }

    @Test
    void many_arguments_are_read_together_and_only_the_missing_ones_loaded() {
        AtomicReference<Set<Long>> asked = new AtomicReference<>();
        Map<Long, List<String>> first = cache.readAll("departments", List.of(1L, 2L), ids -> {
            asked.set(ids);
            return Map.of(1L, List.of("Emergency"), 2L, List.of());
        });
        assertThat(asked.get()).containsExactly(1L, 2L);
        assertThat(first).containsEntry(1L, List.of("Emergency")).containsEntry(2L, List.of());

        Map<Long, List<String>> second = cache.readAll("departments", List.of(2L, 3L), ids -> {
            asked.set(ids);
            return Map.of(3L, List.of("Surgery"));
        });
        assertThat(asked.get()).containsExactly(3L);
        assertThat(second).containsEntry(2L, List.of()).containsEntry(3L, List.of("Surgery"));
    }
}
