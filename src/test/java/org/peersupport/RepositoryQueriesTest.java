package org.peersupport;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the string-based query enhancer (RepositoryConfiguration) leaves to the queries: a paged
 * {@code @Query} names its count query, and none takes a caller's {@code Sort}.
 */
class RepositoryQueriesTest {

    @Test
    void pagedQueriesNameTheirCountAndNoneIsSortedByTheCaller() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isInterface();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(Repository.class));
        List<String> queries = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("org.peersupport")) {
            for (Method method : Class.forName(candidate.getBeanClassName()).getDeclaredMethods()) {
                Query query = method.getAnnotation(Query.class);
                if (query == null) {
                    continue;
                }
                queries.add(method.toString());
                boolean sorted = List.of(method.getParameterTypes()).contains(Sort.class);
                if (sorted || (Page.class.isAssignableFrom(method.getReturnType()) && query.countQuery().isEmpty())) {
                    wrong.add(method.toString());
                }
            }
        }
        assertThat(queries).as("the repositories were found").hasSizeGreaterThan(20);
        assertThat(wrong).isEmpty();
    }
}
