package org.peersupport;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactories;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactory;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;

/**
 * The repositories, as Spring Boot would set them up, but with the string-based query enhancer.
 *
 * <p>Spring Data parses every {@code @Query} with its own HQL grammar when the app starts, to be
 * ready to add a sort or derive a count query later; on 2 cores that was 1 to 2 of the 10 seconds
 * a start takes. These queries need little of it: none is sorted by a caller's {@code Sort}, and
 * every paged one names its count query (RepositoryQueriesTest keeps it so). The fallback enhancer
 * works on the query string when asked and parses nothing at startup. Hibernate still checks every
 * query when its repository is created, so a broken query still stops the start.
 */
@Configuration(proxyBeanMethods = false)
@EnableJpaRepositories(queryEnhancerSelector = RepositoryConfiguration.StringQueries.class)
class RepositoryConfiguration {

    static class StringQueries implements QueryEnhancerSelector {

        @Override
        public QueryEnhancerFactory select(DeclaredQuery query) {
            return QueryEnhancerFactories.fallback();
        }
    }
}
