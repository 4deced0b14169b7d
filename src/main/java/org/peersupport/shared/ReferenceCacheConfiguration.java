package org.peersupport.shared;

import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

/**
 * Switches on Spring's cache abstraction, so that Spring Boot makes the Caffeine cache manager from
 * the {@code spring.cache.*} properties. Only {@link ReferenceCache} uses it.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class ReferenceCacheConfiguration {
}
