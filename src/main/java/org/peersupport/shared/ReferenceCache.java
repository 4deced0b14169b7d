package org.peersupport.shared;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reference data (hospitals, departments, program settings, the resource directory) as nearly every
 * page reads it: from a Caffeine cache behind Spring's cache abstraction, never from a stale copy.
 *
 * <h2>What is cached</h2>
 * Immutable values only (records, lists made with {@code List.copyOf}), never managed entities, each
 * under a key {@code (generation, region, argument)}. The owning module (organization, resource)
 * chooses the region and argument and loads the value with a plain query.
 *
 * <h2>How a change empties it</h2>
 * One counter, the row of {@code reference_generation} (V38), rises by one in every transaction that
 * changes reference data, and becomes visible when that transaction commits:
 * <ul>
 * <li>The owning modules' services call {@link #changed()} first thing in each change. It raises the
 * counter in the changing transaction (and learns the value the commit will publish), and, only after
 * the commit, moves this instance's generation on. Never before the commit: another request could
 * cache the old value again between the eviction and the commit. A rolled-back change moves nothing.
 * Until then the changing transaction reads around the cache, so what it sees uncommitted is never
 * cached.</li>
 * <li>Triggers on the four tables raise the counter for any other writer too (a script, psql).</li>
 * <li>Every instance reads the counter every {@code peersupport.reference-cache.poll-interval} (one
 * second by default) on its own thread, and moves its generation on when the counter differs from the
 * last one it saw. So a change made on another instance is seen here within about one interval.</li>
 * </ul>
 * The generation is part of every key, and it is read before a value is loaded, so a load that raced
 * with a change is stored under a generation nobody asks for again: it cannot bring an old value back.
 * Moving on also empties the cache, to free its memory.
 *
 * <h2>Why a polled counter and not LISTEN/NOTIFY</h2>
 * A notification is lost while an instance's listening connection is down, so a listener must hold a
 * connection of its own outside the pool, notice that it broke, reconnect, and then empty everything.
 * The counter needs none of that: after an outage the next poll that succeeds compares the counter
 * with the last one seen, and changes made meanwhile are not missed. It costs one primary-key read
 * per instance per second. While polls fail, or if the poller stalls for three intervals, reads go
 * straight to the database, so the bound on staleness holds even then.
 *
 * <h2>Reads that do not fill the cache</h2>
 * A transaction at REPEATABLE READ or SERIALIZABLE reads from an older snapshot than the generation
 * it would store under: it may use what is cached, but what it loads is not stored.
 */
@Component
public class ReferenceCache implements SmartLifecycle {

    public static final String NAME = "reference";

    /** The polling reads this statement; the statement-count tests leave it out, as it serves no page. */
    public static final String POLL = "select generation from reference_generation where id = ?";

    private static final long UNKNOWN = Long.MIN_VALUE;

    private static final Logger log = LoggerFactory.getLogger(ReferenceCache.class);

    private static final Object CHANGING = new Object();

    private final Cache cache;

    private final JdbcTemplate jdbc;

    private final Duration pollInterval;

    private final AtomicLong generation = new AtomicLong();

    /** Counts changes committed here, so a poll that overlapped one does not undo what it recorded. */
    private final AtomicLong localCommits = new AtomicLong();

    private volatile long lastSeen = UNKNOWN;

    private volatile long lastPollNanos;

    private volatile boolean polledOnce;

    private volatile boolean failing;

    private ScheduledExecutorService poller;

    ReferenceCache(CacheManager caches, JdbcTemplate jdbc,
            @Value("${peersupport.reference-cache.poll-interval:1s}") Duration pollInterval) {
        this.cache = caches.getCache(NAME);
        if (this.cache == null) {
            throw new IllegalStateException("No cache named " + NAME + " (spring.cache.cache-names)");
        }
        this.jdbc = jdbc;
        this.pollInterval = pollInterval;
    }

    /**
     * The value for this region and argument, loaded once per generation. Not loaded inside the
     * cache's own computation, so a loader may read other reference data through this cache; two
     * requests that miss at once may both load, which costs a query and nothing else.
     */
    @SuppressWarnings("unchecked")
    public <T> T read(String region, Object argument, Supplier<T> loader) {
        Mode mode = mode();
        if (mode == Mode.BYPASS) {
            return loader.get();
        }
        Key key = new Key(generation.get(), region, argument);
        Cache.ValueWrapper found = cache.get(key);
        if (found != null) {
            return (T) found.get();
        }
        T loaded = loader.get();
        if (mode == Mode.CACHE) {
            cache.put(key, loaded);
        }
        return loaded;
    }

    /**
     * The values for many arguments of one region, with those not cached loaded together in one call.
     * The loader answers for the arguments it is given; one it leaves out is not cached.
     */
    @SuppressWarnings("unchecked")
    public <A, T> Map<A, T> readAll(String region, Collection<A> arguments, Function<Set<A>, Map<A, T>> loader) {
        Mode mode = mode();
        Set<A> wanted = new LinkedHashSet<>(arguments);
        if (mode == Mode.BYPASS) {
            return loader.apply(wanted);
        }
        long current = generation.get();
        Map<A, T> found = new HashMap<>();
        Set<A> missing = new LinkedHashSet<>();
        for (A argument : wanted) {
            Cache.ValueWrapper hit = cache.get(new Key(current, region, argument));
            if (hit != null) {
                found.put(argument, (T) hit.get());
            }
            else {
                missing.add(argument);
            }
        }
        if (!missing.isEmpty()) {
            Map<A, T> loaded = loader.apply(missing);
            found.putAll(loaded);
            if (mode == Mode.CACHE) {
                loaded.forEach((argument, value) -> cache.put(new Key(current, region, argument), value));
            }
        }
        return found;
    }

    /**
     * Reference data is about to change in the current transaction. Call it before the change: from
     * here on this transaction reads around the cache, and once it commits every instance drops what
     * it had cached.
     */
    public void changed() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            committed(raise());
            return;
        }
        if (TransactionSynchronizationManager.hasResource(CHANGING)) {
            return;
        }
        long published = raise();
        TransactionSynchronizationManager.bindResource(CHANGING, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                committed(published);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(CHANGING);
            }
        });
    }

    /** Raises the counter in this transaction, once, and answers the value its commit will publish. */
    private long raise() {
        // The update is skipped when this transaction already raised it (a trigger did, say); then the
        // outer select, which does not see the update's own result, reads the value raised earlier.
        return jdbc.queryForObject("""
                with raised as (
                    update reference_generation set generation = generation + 1, changed_in = pg_current_xact_id()
                     where id = 1 and changed_in is distinct from pg_current_xact_id()
                 returning generation)
                select coalesce((select generation from raised), (select generation from reference_generation where id = 1))
                """, Long.class);
    }

    private synchronized void committed(long published) {
        localCommits.incrementAndGet();
        moveOn();
        lastSeen = published;
    }

    /** Reads the counter and moves on if another writer raised it since the last look. */
    void poll() {
        long commitsBefore = localCommits.get();
        Long current;
        try {
            current = jdbc.queryForObject(POLL, Long.class, 1);
        }
        catch (RuntimeException ex) {
            synchronized (this) {
                if (!failing) {
                    log.warn("Reference cache: cannot read the change counter; reading around the cache until "
                            + "it can ({})", ex.getClass().getSimpleName());
                }
                failing = true;
                lastSeen = UNKNOWN;
                moveOn();
            }
            return;
        }
        synchronized (this) {
            if (failing) {
                log.info("Reference cache: the change counter is readable again");
                failing = false;
            }
            lastPollNanos = System.nanoTime();
            polledOnce = true;
            // A commit here in the meantime recorded a value at least as new, or the next poll sees a newer one.
            if (localCommits.get() == commitsBefore && (current == null || current != lastSeen)) {
                moveOn();
                lastSeen = current == null ? UNKNOWN : current;
            }
        }
    }

    private void moveOn() {
        generation.incrementAndGet();
        cache.clear();
    }

    private Mode mode() {
        if (TransactionSynchronizationManager.hasResource(CHANGING) || !fresh()) {
            return Mode.BYPASS;
        }
        Integer isolation = TransactionSynchronizationManager.getCurrentTransactionIsolationLevel();
        if (isolation != null && isolation >= TransactionDefinition.ISOLATION_REPEATABLE_READ) {
            return Mode.LOOK_UP_ONLY;
        }
        return Mode.CACHE;
    }

    /** Whether a poll succeeded lately enough that another instance's change would have been seen. */
    private boolean fresh() {
        return polledOnce && !failing && System.nanoTime() - lastPollNanos <= 3 * pollInterval.toNanos();
    }

    @Override
    public synchronized void start() {
        if (poller != null) {
            return;
        }
        poll();
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "reference-cache-poll");
            thread.setDaemon(true);
            return thread;
        });
        long millis = pollInterval.toMillis();
        poller.scheduleWithFixedDelay(this::pollQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void pollQuietly() {
        try {
            poll();
        }
        catch (RuntimeException ex) {
            log.warn("Reference cache: poll failed", ex);
        }
    }

    @Override
    public synchronized void stop() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
        polledOnce = false;
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }

    /** Early, so the cache is in use before the web server takes requests. */
    @Override
    public int getPhase() {
        return 0;
    }

    private enum Mode {
        CACHE, LOOK_UP_ONLY, BYPASS
    }

    private record Key(long generation, String region, Object argument) {
    }
}
