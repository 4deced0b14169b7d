package org.peersupport.account.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The sessions as every request reads them, with the time of last access written at most once per
 * {@code peersupport.session.access-write-interval} (a minute) rather than at every request.
 *
 * <p>Spring Session marks a session changed at every request only to move its last access, and
 * then writes its row in a transaction of its own: on a busy program one more UPDATE and commit
 * per page for every person signed in. A session idle for 30 minutes ends on the time stored, so it
 * may now end up to a minute sooner; an attribute set, a new session id or a new session is
 * written as before, at once.
 */
@Configuration(proxyBeanMethods = false)
class SessionAccessWrites {

    /**
     * Spring Session's filter, made again over {@link Repository} with the same session cookie. The
     * library's JDBC repository stays the one bean of its kind (a second repository bean would make
     * Spring Boot's session configuration back off), and {@link AccountSessions} and the clean-up of
     * expired sessions use it as they did.
     */
    @Bean
    static BeanPostProcessor sessionFilterWithQuietAccess(ObjectProvider<JdbcIndexedSessionRepository> sessions,
            ObjectProvider<CookieSerializer> cookies, Environment environment) {
        Duration interval = environment.getProperty("peersupport.session.access-write-interval", Duration.class,
                Duration.ofMinutes(1));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof SessionRepositoryFilter<?>)) {
                    return bean;
                }
                SessionRepositoryFilter<?> filter = new SessionRepositoryFilter<>(
                        new Repository<>(sessions.getObject(), interval));
                CookieHttpSessionIdResolver ids = new CookieHttpSessionIdResolver();
                ids.setCookieSerializer(cookies.getObject());
                filter.setHttpSessionIdResolver(ids);
                return filter;
            }
        };
    }

    /** Hands out {@link Touched} sessions and saves what they wrap. */
    static final class Repository<S extends Session> implements FindByIndexNameSessionRepository<Touched<S>> {

        private final FindByIndexNameSessionRepository<S> delegate;

        private final Duration interval;

        Repository(FindByIndexNameSessionRepository<S> delegate, Duration interval) {
            this.delegate = delegate;
            this.interval = interval;
        }

        @Override
        public Touched<S> createSession() {
            return new Touched<>(delegate.createSession(), interval);
        }

        @Override
        public void save(Touched<S> session) {
            delegate.save(session.delegate);
        }

        @Override
        public Touched<S> findById(String id) {
            S found = delegate.findById(id);
            return found == null ? null : new Touched<>(found, interval);
        }

        @Override
        public void deleteById(String id) {
            delegate.deleteById(id);
        }

        @Override
        public Map<String, Touched<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            Map<String, Touched<S>> found = new LinkedHashMap<>();
            delegate.findByIndexNameAndIndexValue(indexName, indexValue)
                    .forEach((id, session) -> found.put(id, new Touched<>(session, interval)));
            return found;
        }
    }

    /**
     * A session that passes a later last access on only once the stored one is an interval old (an
     * earlier one, which only a test sets, is passed on as it is).
     */
    static final class Touched<S extends Session> implements Session {

        private final S delegate;

        private final Duration interval;

        Touched(S delegate, Duration interval) {
            this.delegate = delegate;
            this.interval = interval;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            Instant stored = delegate.getLastAccessedTime();
            if (lastAccessedTime.isBefore(stored) || !lastAccessedTime.isBefore(stored.plus(interval))) {
                delegate.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public Instant getLastAccessedTime() {
            return delegate.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return delegate.getId();
        }

        @Override
        public String changeSessionId() {
            return delegate.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return delegate.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return delegate.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            delegate.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            delegate.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return delegate.getCreationTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration maxInactiveInterval) {
            delegate.setMaxInactiveInterval(maxInactiveInterval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return delegate.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return delegate.isExpired();
        }
    }
}
